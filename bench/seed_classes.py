"""Classes of the given sizes (30, 300 and 1,000 by default) with varied progress, for the benchmarks.

    python -m bench.seed_classes [SIZE...]     # prints bench-<size>=<class id>, one a line

One teacher (bench/common.py's) owns them all. Rows are bulk-written.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import staff_signup  # noqa: E402
from bench.common import TEACHER_EMAIL, TEACHER_PASSWORD  # noqa: E402
from classrooms.models import Enrolment  # noqa: E402
from classrooms.services.teaching import assignment_set, classroom_create  # noqa: E402
from courses.models import LessonProgress  # noqa: E402
from courses.registry import get_course  # noqa: E402
from quizzes.models import QuizAttempt  # noqa: E402
from quizzes.registry import get_quiz  # noqa: E402

User = get_user_model()
SIZES = (30, 300, 1000)


def main(sizes: list[int]) -> None:
    teacher = staff_signup(email=TEACHER_EMAIL, name="Bench", password=TEACHER_PASSWORD, school_name="Bench School")
    modules = [m for m in get_course().modules if get_quiz(m.id)][:3]
    for size in sizes:
        classroom = classroom_create(teacher=teacher, name=f"bench-{size}")
        for module in modules:
            assignment_set(classroom=classroom, module_id=module.id, due_on=timezone.localdate(), note="")
        students = User.objects.bulk_create(
            [User(username=f"b{size}-{n}", first_name=f"Student {n}", role="student") for n in range(size)]
        )
        Enrolment.objects.bulk_create([Enrolment(classroom=classroom, student=s) for s in students])
        progress, attempts = [], []
        for n, student in enumerate(students):
            for m, module in enumerate(modules):
                lessons = module.lessons[: (n + m) % (len(module.lessons) + 1)]
                progress += [
                    LessonProgress(user=student, module_id=module.id, lesson_id=lesson.id, content_hash="bench")
                    for lesson in lessons
                ]
                if len(lessons) == len(module.lessons):
                    quiz = get_quiz(module.id)
                    assert quiz is not None
                    score = quiz.max_score - n % 3
                    attempts.append(
                        QuizAttempt(
                            user=student, module_id=module.id, content_hash=quiz.content_hash, max_score=quiz.max_score,
                            pass_mark=quiz.pass_mark, score=score, answered=len(quiz.items), item_index=len(quiz.items),
                            submitted_at=timezone.now(), passed=score >= quiz.pass_mark * quiz.max_score,
                        )
                    )  # fmt: skip
        LessonProgress.objects.bulk_create(progress)
        QuizAttempt.objects.bulk_create(attempts)
        print(f"bench-{size}={classroom.pk}")


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or list(SIZES))
