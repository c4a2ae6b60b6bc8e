"""A demo school to try Pause with: two teachers, their classes, students with varied progress, two parents."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from accounts import credentials
from accounts.models import School, StaffMembership, User
from classrooms.models import Assignment, Classroom, Enrolment, FamilyLink
from courses.registry import get_course
from courses.services import lesson_progress_mark_done
from quizzes import selectors as quiz_selectors
from quizzes.demo import take_quiz
from quizzes.registry import get_quiz

PASSWORD = "demo-pass-123"  # noqa: S105 (published demo password; the command refuses to run in production)
SCHOOL = "Demo School"
STUDENT_NAMES = ["Amani", "Bea", "Chen", "Dara", "Eli", "Farah", "Gus", "Hana", "Isla", "Jo", "Kai", "Lena"]


class Command(BaseCommand):
    help = "Create (or refresh) the demo school. Every demo password is demo-pass-123. Refuses unless DEBUG or --force."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")
        parser.add_argument("--quiet", action="store_true", help="Don't print the logins.")

    def handle(self, *args: Any, force: bool = False, quiet: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo makes accounts with a published password: it runs only with DEBUG on, or --force."
            )
        with transaction.atomic():
            self._seed()
        if not quiet:
            self.stdout.write(
                "Demo school ready. Sign in at /accounts/login/ with password demo-pass-123 as:\n"
                "  demo-teacher, demo-teacher-2 (teachers; demo-teacher is also the school admin)\n"
                f"  demo-student-1 … demo-student-{len(STUDENT_NAMES)} (students)\n"
                "  demo-parent (linked to demo-student-1), demo-parent-2 (linked to demo-student-2)"
            )

    def _user(self, username: str, *, role: str, name: str, email: str = "") -> User:
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role, user.first_name, user.email = role, name, email
        if role != User.Role.STUDENT:  # the demo's grown-ups are taken as confirmed (no mail to example.org)
            user.email_verified_at = user.email_verified_at or timezone.now()
        user.set_password(PASSWORD)
        user.save()
        return user

    def _seed(self) -> None:
        school = School.objects.filter(name=SCHOOL).first() or School.objects.create(
            name=SCHOOL, staff_code=credentials.readable_code()
        )
        teacher = self._user(
            "demo-teacher", role=User.Role.SCHOOL_ADMIN, name="Ms Rivera", email="demo-teacher@example.org"
        )
        teacher2 = self._user(
            "demo-teacher-2", role=User.Role.TEACHER, name="Mr Okafor", email="demo-teacher-2@example.org"
        )
        for staff in (teacher, teacher2):
            StaffMembership.objects.update_or_create(user=staff, defaults={"school": school})
        course = get_course()
        modules = list(course.modules)
        today = timezone.localdate()
        class_a = self._classroom(school, teacher, "Year 9 PSHE (demo)")
        class_b = self._classroom(school, teacher2, "Year 10 Citizenship (demo)")
        for classroom, picks in ((class_a, modules[:3]), (class_b, modules[3:5])):
            for offset, module in enumerate(picks):
                Assignment.objects.update_or_create(
                    classroom=classroom,
                    module_id=module.id,
                    defaults={
                        "due_on": today + datetime.timedelta(days=7 * offset - 3),
                        "note": "Read the lessons, then try the quiz." if offset == 0 else "",
                    },
                )
        for number, name in enumerate(STUDENT_NAMES, start=1):
            student = self._user(f"demo-student-{number}", role=User.Role.STUDENT, name=name)
            classroom = class_a if number <= 8 else class_b
            Enrolment.objects.get_or_create(classroom=classroom, student=student)
            self._progress(student, [a.module_id for a in classroom.assignments.all()], variety=number % 4)
        for username, name, child in (("demo-parent", "Sam (parent)", 1), ("demo-parent-2", "Alex (carer)", 2)):
            parent = self._user(username, role=User.Role.PARENT, name=name, email=f"{username}@example.org")
            FamilyLink.objects.get_or_create(parent=parent, student=User.objects.get(username=f"demo-student-{child}"))

    def _classroom(self, school: School, teacher: User, name: str) -> Classroom:
        classroom = Classroom.objects.filter(school=school, name=name).first()
        return classroom or Classroom.objects.create(
            school=school, teacher=teacher, name=name, join_code=credentials.readable_code()
        )

    def _progress(self, student: User, module_ids: list[str], *, variety: int) -> None:
        """variety 0: nothing yet; 1: some lessons and a shaky first quiz; 2: first module done; 3: everything done."""
        course = get_course()
        if variety:  # D28: a student with progress has signed in (a day or two ago), not "not signed in yet"
            signed_in = timezone.now() - datetime.timedelta(days=4 - variety, hours=student.pk % 5)
            User.objects.filter(pk=student.pk, last_login__isnull=True).update(last_login=signed_in)
        session = SessionStore()  # never saved: a signed-in student's progress goes to their account
        for index, module_id in enumerate(module_ids):
            module = course.module(module_id)
            if module is None or variety == 0:
                continue
            if variety == 1:
                lessons = module.lessons[: max(1, len(module.lessons) // 2)] if index == 0 else ()
            elif variety == 2:
                lessons = module.lessons if index == 0 else module.lessons[:1]
            else:
                lessons = module.lessons
            for lesson in lessons:
                lesson_progress_mark_done(user=student, session=session, lesson=lesson)
            quiz = get_quiz(module_id)
            already = quiz_selectors.attempts_owned(user=student, session=session).filter(module_id=module_id).exists()
            # Most students have tried the first quiz, so its per-question results pass the five-answer floor.
            if quiz is not None and not already and (variety == 3 or (variety in (1, 2) and index == 0)):
                slips = {1: 2, 2: 0 if student.pk % 2 == 0 else 3, 3: 0}[variety]
                take_quiz(user=student, quiz=quiz, slip_every=slips)
