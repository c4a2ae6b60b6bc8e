"""Every URL, for every role, against two schools' data: the expected status, and nothing changes on the way.

A route with no sample arguments or no expectation here fails the test, so no new route slips past it.
School A owns every object named in a URL; the "other" roles belong to school B, and must get 404s.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from accounts.models import User
from classrooms.models import Assignment, ClassQuestion
from courses.registry import get_course
from quizzes.demo import take_quiz
from quizzes.models import QuizAttempt
from tests.classroom_world import World, build_world, quiz_of

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "student",
    "teacher",
    "admin",
    "parent",
    "other_student",
    "other_teacher",
    "other_admin",
    "other_parent",
)
STAFF = {"teacher", "admin", "other_teacher", "other_admin"}
STUDENTS = {"student", "other_student"}
PARENTS = {"parent", "other_parent"}
ADMINS = {"admin", "other_admin"}
ADULTS = STAFF | PARENTS
LOGIN = 302  # a visitor is sent to sign in


def everyone(status: int) -> dict[str, int | None]:
    return dict.fromkeys(ROLES, status)


def only(allowed: set[str], status: int | None, *, visitor: int = LOGIN, others: int = 403) -> dict[str, int | None]:
    """``status`` for the allowed roles, 403 for other signed-in roles, a sign-in redirect for visitors."""
    table = {role: (status if role in allowed else others) for role in ROLES}
    table["visitor"] = visitor
    return table


def school_a_class(status: int | None) -> dict[str, int | None]:
    """A page about school A's class: its teacher and school admin see it; school B's staff get 404."""
    table = only(STAFF, 404)
    table["teacher"] = table["admin"] = status
    return table


def owned_by_student(status: int) -> dict[str, int | None]:
    table = everyone(404)
    table["student"] = status
    return table


# GET: url name -> role -> status
EXPECTED_GET = {
    "classrooms:join": everyone(200),
    "classrooms:welcome": only(STUDENTS, 302),  # nothing issued: on to /me/
    "classrooms:after-login": everyone(302),
    "signup-staff": everyone(200),
    "signup-parent": everyone(200),
    "signup-check-email": only(ADULTS, 302, visitor=200, others=200),  # confirmed adults: on to their own page
    "signup-resend": everyone(405),
    "verify-email": everyone(400),  # the sample token is not a signed one
    "account-settings": only(ADULTS, 200),
    "account-password": only(ADULTS, 200),
    "email-change-confirm": everyone(400),
    "password-reset": everyone(200),
    "password-reset-sent": everyone(200),
    "password-reset-confirm": everyone(200),  # "this link didn't work"
    "password-reset-complete": everyone(200),
    "classrooms:teach": only(STAFF, 200),
    "classrooms:class-create": only(STAFF, 405),
    "classrooms:teacher-notes": only(STAFF, 200),
    "classrooms:class": school_a_class(200),
    "classrooms:assign": only(STAFF, 405),
    "classrooms:assign-many": only(STAFF, 405),
    "classrooms:letter": school_a_class(200),
    "classrooms:age-band": only(STAFF, 405),
    "classrooms:how-it-works": everyone(200),
    "classrooms:unassign": only(STAFF, 405),
    "classrooms:roster": school_a_class(200),
    "classrooms:cards": school_a_class(200),
    "classrooms:cards-reissue": school_a_class(200),  # the confirmation page
    "classrooms:code-rotate": only(STAFF, 405),
    "classrooms:archive": only(STAFF, 405),
    "classrooms:class-delete": school_a_class(200),
    "classrooms:export-csv": school_a_class(200),
    "classrooms:quiz-report": school_a_class(200),
    "classrooms:questions": school_a_class(200),
    "classrooms:question-answer": only(STAFF, 405),
    "classrooms:question-hide": only(STAFF, 405),
    "classrooms:question-delete": school_a_class(200),  # the confirmation page
    "classrooms:ask": {**only(STUDENTS, 200), "other_student": 404},
    "classrooms:question-check": everyone(200),
    "classrooms:checks": school_a_class(200),
    "classrooms:checks-csv": school_a_class(200),
    "classrooms:school-checks": only(ADMINS, 200),
    "classrooms:school-checks-csv": only(ADMINS, 200),
    "classrooms:student": school_a_class(200),
    "classrooms:student-passphrase": only(STAFF, 405),
    "classrooms:student-remove": only(STAFF, 405),
    "classrooms:student-rename": only(STAFF, 405),
    "classrooms:student-export": school_a_class(200),
    "classrooms:student-delete": school_a_class(200),
    "classrooms:school": only(ADMINS, 200),
    "classrooms:school-code": only(ADMINS, 405),
    "classrooms:staff-admin": only(ADMINS, 405),
    "classrooms:staff-active": only(ADMINS, 405),
    "classrooms:staff-classes": only(ADMINS, 405),
    "classrooms:class-teacher": only(STAFF, 405),
    "classrooms:account-delete": only(STAFF, 200),
    "classrooms:me": only(STUDENTS, 200),
    "classrooms:family-code": only(STUDENTS, 405),
    "classrooms:family-revoke": only(STUDENTS, 405),
    "classrooms:me-export": only(STUDENTS, 200),
    "classrooms:me-delete": only(STUDENTS, 200),
    "classrooms:family": only(PARENTS, 200),
    "classrooms:family-delete": only(PARENTS, 200),
    "classrooms:family-digest": only(PARENTS, 405),
    "classrooms:family-unsubscribe": everyone(400),  # the sample token is not a signed one
    "login": everyone(200),
    "logout": everyone(405),
    "quizzes:quiz": everyone(200),
    "quizzes:start": everyone(405),
    "quizzes:answer": everyone(405),
    "quizzes:feedback": owned_by_student(200),
    "quizzes:result": owned_by_student(200),
    "quizzes:progress": everyone(200),
    "quizzes:pack": everyone(200),  # public, like the teacher notes
    "quizzes:pack-pdf": everyone(200),
    "quizzes:curriculum": everyone(200),
    "courses:styleguide": everyone(404),  # development only: DEBUG is off here (test_design_system shows it on)
    "quizzes:curriculum-framework": everyone(200),
    "quizzes:curriculum-csv": everyone(200),
    # The before-and-after check: a student's own; a grown-up is sent back to the module page.
    "prepost:take": only(STUDENTS, 200, others=302),
    "prepost:not-now": everyone(405),
    "courses:home": everyone(200),
    "courses:catalogue": everyone(200),
    "courses:module": everyone(200),
    "courses:teacher-notes": everyone(200),
    "courses:lesson": everyone(200),
    "courses:present": everyone(200),  # public, like the lesson and its teacher notes
    "courses:present-notes": everyone(200),
    "courses:lesson-done": everyone(302),  # back to the lesson; marking done is a POST
    "courses:lesson-check": everyone(302),  # back to the lesson; a practice answer is a POST that changes nothing
    "courses:guides": everyone(200),
    "courses:guide": everyone(200),
    "courses:help": everyone(200),
    "courses:help-private": everyone(200),
    "courses:help-region": everyone(200),
    "courses:law": everyone(200),
    "courses:law-region": everyone(200),
    "courses:region": everyone(405),
    "core:healthz": everyone(200),
    "core:healthz-app": everyone(200),
    "core:privacy": everyone(200),
    "core:schools": everyone(200),
    "core:about": everyone(200),
    "courses:changes": everyone(200),
    "courses:changes-feed": everyone(200),
    "feedback:report": everyone(200),
    "feedback:sent": everyone(200),
}

# POST by someone who may not: refused before anything is written.
FORBIDDEN_POST = {
    "classrooms:class-create": only(STAFF, None),
    "classrooms:assign": school_a_class(None),
    "classrooms:assign-many": school_a_class(None),
    "classrooms:letter": school_a_class(None),
    "classrooms:age-band": school_a_class(None),
    "classrooms:unassign": school_a_class(None),
    "classrooms:roster": school_a_class(None),
    "classrooms:cards-reissue": school_a_class(None),
    "classrooms:code-rotate": school_a_class(None),
    "classrooms:archive": school_a_class(None),
    "classrooms:class-delete": school_a_class(None),
    "classrooms:question-answer": school_a_class(None),
    "classrooms:question-hide": school_a_class(None),
    "classrooms:question-delete": school_a_class(None),
    "classrooms:ask": {**only(STUDENTS, None), "other_student": 404},
    "classrooms:student-passphrase": school_a_class(None),
    "classrooms:student-remove": school_a_class(None),
    "classrooms:student-rename": school_a_class(None),
    "classrooms:student-delete": school_a_class(None),
    "classrooms:school-code": only(ADMINS, None),
    # Another school's admin may not touch school A's staff: not found.
    "classrooms:staff-admin": {**only(ADMINS, None), "other_admin": 404},
    "classrooms:staff-active": {**only(ADMINS, None), "other_admin": 404},
    "classrooms:staff-classes": {**only(ADMINS, None), "other_admin": 404},
    "classrooms:class-teacher": school_a_class(None),
    "classrooms:account-delete": only(STAFF, None),
    "classrooms:family-code": only(STUDENTS, None),
    "classrooms:family-revoke": {**only(STUDENTS, None), "other_student": 404},
    "classrooms:me-delete": only(STUDENTS, None),
    "classrooms:family": only(PARENTS, None),
    "classrooms:family-digest": only(PARENTS, None),
    "account-settings": only(ADULTS, None),
    "account-password": only(ADULTS, None),
}


def url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


@dataclass
class Walk(World):
    """Two schools, a sample value for every URL argument, and a signed-in user for every role."""

    samples: dict[str, Any]
    users: dict[str, User]


def walk_samples(world: World, attempt: QuizAttempt) -> dict[str, Any]:
    """A value for every URL argument, naming school A's objects and its student's quiz attempt.

    Shared with tests/integration/test_visibility_marker.py, which walks the same routes.
    """
    module = get_course().modules[0]
    return {
        "classroom_id": world.a.classroom.pk,
        "assignment_id": Assignment.objects.get(classroom=world.a.classroom).pk,
        "student_id": world.a.student.pk,
        "member_id": world.a.teacher.pk,
        "module_id": module.id,
        "lesson_id": module.lessons[0].id,
        "attempt_id": attempt.public_id,
        "position": 0,
        "link_id": world.a.student.parent_links.get().pk,
        "guide_id": get_course().guides[0].id,
        "region_id": get_course().regions[0].id,
        "question_id": ClassQuestion.objects.get_or_create(
            classroom=world.a.classroom, defaults={"asked_on": datetime.date.today(), "text": "A question"}
        )[0].pk,
        "framework_id": get_course().standards.frameworks[0].id,
        "token": "not-a-signed-token",
        "uidb64": "MQ",
        "phase": "before",
    }


@pytest.fixture
def world() -> Walk:
    world = build_world()
    attempt = take_quiz(user=world.a.student, quiz=quiz_of(get_course().modules[0].id))
    samples = walk_samples(world, attempt)
    users = {
        "student": world.a.student,
        "teacher": world.a.teacher,
        "admin": world.a.admin,
        "parent": world.a.parent,
        "other_student": world.b.student,
        "other_teacher": world.b.teacher,
        "other_admin": world.b.admin,
        "other_parent": world.b.parent,
    }
    return Walk(a=world.a, b=world.b, samples=samples, users=users)


def url_for(name, pattern, samples):
    missing = [arg for arg in pattern.pattern.converters if arg not in samples]
    assert not missing, f"{name}: no sample value for {missing}; add one to the world fixture"
    return reverse(name, kwargs={arg: samples[arg] for arg in pattern.pattern.converters})


def client_for(role, world):
    client = Client()
    if role != "visitor":
        client.force_login(world.users[role])
    return client


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models() if model is not Session}


def test_every_route_has_an_expectation():
    names = {name for name, _ in url_names() if not name.startswith("admin:")}
    assert names - EXPECTED_GET.keys() == set(), "routes with no expected statuses: add them to EXPECTED_GET"
    assert EXPECTED_GET.keys() - names == set(), "expectations for routes that no longer exist"


def test_every_route_is_reached_by_its_own_address_whatever_the_order_of_the_urlconf(world):
    """config/urls.py puts the course's routes early (most requests are lessons): none may hide another."""
    shadowed = []
    for name, pattern in url_names():
        if name.startswith("admin:"):
            continue
        url = url_for(name, pattern, world.samples)
        if resolve(url).view_name != name:
            shadowed.append(f"{url} ({name}) goes to {resolve(url).view_name}")
    assert shadowed == []


@pytest.mark.parametrize("role", ROLES)
def test_every_url_gives_each_role_the_expected_status_and_get_changes_nothing(role, world):
    client = client_for(role, world)
    before = row_counts()
    wrong = []
    for name, pattern in url_names():
        if name.startswith("admin:"):
            continue  # Django's admin: is_staff only, checked below
        url = url_for(name, pattern, world.samples)
        status = client.get(url).status_code
        if status != EXPECTED_GET[name][role]:
            wrong.append(f"GET {url} ({name}) as {role}: {status}, expected {EXPECTED_GET[name][role]}")
    assert client.get(reverse("admin:index")).status_code == 302  # nobody here is is_staff
    assert wrong == []
    assert row_counts() == before, "a GET changed the database"


@pytest.mark.parametrize("role", ROLES)
def test_forbidden_posts_are_refused_and_change_nothing(role, world):
    client = client_for(role, world)
    patterns = dict(url_names())
    before = row_counts()
    wrong = []
    for name, table in FORBIDDEN_POST.items():
        expected = table[role]
        if expected is None:
            continue  # this role may post here; the feature tests cover what it does
        url = url_for(name, patterns[name], world.samples)
        status = client.post(url, {"confirm": "on", "names": "X", "module_id": world.samples["module_id"]}).status_code
        if status != expected:
            wrong.append(f"POST {url} as {role}: {status}, expected {expected}")
    assert wrong == []
    assert row_counts() == before, "a refused POST changed the database"


def test_a_post_without_a_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.a.teacher)
    before = row_counts()
    response = client.post(reverse("classrooms:class-create"), {"name": "Sneaky"})
    assert response.status_code == 403
    assert row_counts() == before


def test_a_refusal_is_logged_with_ids_and_a_reason_never_a_name(world, caplog):
    client = client_for("other_teacher", world)
    with caplog.at_level(logging.WARNING):
        assert client.get(reverse("classrooms:class", args=[world.a.classroom.pk])).status_code == 404
        assert client.get(reverse("classrooms:me")).status_code == 403
    messages = [record.getMessage() for record in caplog.records if record.name.startswith(("classrooms", "accounts"))]
    assert f"refused: class {world.a.classroom.pk} is not one user {world.b.teacher.pk} may see" in messages
    assert any(message.startswith(f"refused: user {world.b.teacher.pk} (role 'teacher')") for message in messages)
    private = (world.b.teacher.first_name, world.b.teacher.email, world.a.classroom.name, "127.0.0.1")
    assert not any(text in message for message in messages for text in private)
