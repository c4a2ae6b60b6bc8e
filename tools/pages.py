"""Every page type, once: what `make screenshots` renders and what the phone and axe browser tests open.

A page type is a name (used in file names: ``lesson-390-dark.png``), who opens it and its address,
with placeholders filled from the course and from the people a caller made (the demo school for the
screenshots, ``tests.classroom_world`` for the tests): ``places(student=..., classroom=...)``.

Also where Debian's chromium is and how it is launched, for the tests and the screenshot script alike.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from accounts.models import User
    from classrooms.models import Classroom

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PHONE = {"width": 390, "height": 844}
WIDTHS = (390, 1280)
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")

Role = Literal["visitor", "student", "teacher", "parent"]


@dataclass(frozen=True, slots=True)
class PageType:
    name: str
    role: Role
    path: str  # a str.format template over the keys of places()
    status: int = 200

    def url(self, places: dict[str, str]) -> str:
        return self.path.format(**places)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "visitor", "/"),
    PageType("catalogue", "visitor", "/modules/"),
    PageType("module", "visitor", "/modules/{module}/"),
    PageType("lesson", "visitor", "/modules/{module}/{lesson}/"),
    PageType("quiz-step", "student", "/modules/{quiz_module}/quiz/"),
    PageType("quiz-result", "student", "/modules/{result_module}/quiz/{result}/result/"),
    PageType("help", "visitor", "/help/?region={region}&image_age=under-18"),
    PageType("law-list", "visitor", "/law/"),
    PageType("law-card", "visitor", "/law/{region}/"),
    PageType("guide", "visitor", "/guides/{guide}/"),
    PageType("progress", "student", "/progress/"),
    PageType("me", "student", "/me/"),
    PageType("class", "teacher", "/teach/classes/{classroom}/"),
    PageType("student", "teacher", "/teach/classes/{classroom}/students/{student}/"),
    PageType("family", "parent", "/family/"),
    PageType("sign-in", "visitor", "/accounts/login/"),
    PageType("changes", "visitor", "/changes/?region={region}"),
    PageType("about", "visitor", "/about/"),
    PageType("report", "visitor", "/report/?page=/law/{region}/"),
    PageType("404", "visitor", "/modules/no-such-module/", status=404),
)


def visitor_places() -> dict[str, str]:
    """The placeholders of the visitors' page types, from the course alone (no people, no database)."""
    from courses.registry import get_course

    course = get_course()
    module = course.modules[0]
    region = next(r for r in course.regions if r.id in course.law_cards and r.id in course.help_directories)
    return {"module": module.id, "lesson": module.lessons[0].id, "guide": course.guides[0].id, "region": region.id}


def places(*, student: User, classroom: Classroom) -> dict[str, str]:
    """The placeholders' values. The student gets a finished quiz (its result page) if they have none,
    and an unfinished attempt at another quiz (its current step): both written through the services."""
    from courses.registry import get_course
    from quizzes import selectors as quiz_selectors
    from quizzes import services as quiz_services
    from quizzes.demo import take_quiz
    from quizzes.registry import get_quiz

    course = get_course()
    quizzes = [quiz for quiz in (get_quiz(m.id) for m in course.modules) if quiz is not None]
    finished = next(
        (
            attempt
            for quiz in quizzes
            if (attempt := quiz_selectors.attempt_latest_finished(user=student, session=None, module_id=quiz.module_id))
        ),
        None,
    ) or take_quiz(user=student, quiz=quizzes[0], slip_every=3)
    step_quiz = next(quiz for quiz in quizzes if quiz.module_id != finished.module_id)
    if quiz_selectors.attempt_current(user=student, session=None, quiz=step_quiz) is None:
        quiz_services.quiz_attempt_start(user=student, session=None, quiz=step_quiz)
    return {
        **visitor_places(),
        "quiz_module": step_quiz.module_id,
        "result_module": finished.module_id,
        "result": str(finished.public_id),
        "classroom": str(classroom.pk),
        "student": str(student.pk),
    }


def session_cookie(user: User) -> dict[str, str]:
    """A signed-in session for ``user`` (in the database the server reads), as a browser cookie's name and value."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user, backend="accounts.backends.PauseModelBackend")
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value}
