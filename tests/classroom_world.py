"""Two schools' worth of people and classes, built through the real services, for permission and page tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accounts import services as account_services
from accounts.models import User
from classrooms.models import Classroom
from classrooms.services import families as family_services
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from courses.domain import Module
from courses.registry import get_course
from quizzes.domain import Quiz
from quizzes.registry import get_quiz

PASSWORD = "correct-horse-battery"  # noqa: S105 (test accounts)


@dataclass
class School:
    admin: User
    teacher: User
    classroom: Classroom
    student: User
    parent: User
    logins: dict[str, str]  # username -> passphrase, for students


@dataclass
class World:
    a: School
    b: School


def build_school(tag: str, *, students: int = 3) -> School:
    admin = account_services.staff_signup(
        email=f"admin-{tag}@example.org", name=f"Admin {tag}", password=PASSWORD, school_name=f"School {tag}"
    )
    staff_code = admin.staff_membership.school.staff_code
    teacher = account_services.staff_signup(
        email=f"teacher-{tag}@example.org", name=f"Teacher {tag}", password=PASSWORD, staff_code=staff_code
    )
    classroom = teaching_services.classroom_create(teacher=teacher, name=f"Class {tag}")
    modules = get_course().modules
    teaching_services.assignment_set(classroom=classroom, module_id=modules[0].id, due_on=None, note="Start here")
    logins = student_services.roster_create(classroom=classroom, names=[f"Kid{tag}{n}" for n in range(students)])
    student = User.objects.get(username=logins[0].username)
    parent = account_services.parent_signup(email=f"parent-{tag}@example.org", name=f"Parent {tag}", password=PASSWORD)
    code = family_services.family_code_create(student=student)
    family_services.family_link_create(parent=parent, code=code.code)
    return School(
        admin=admin,
        teacher=teacher,
        classroom=classroom,
        student=student,
        parent=parent,
        logins={issued.username: issued.passphrase for issued in logins},
    )


def build_world() -> World:
    return World(a=build_school("a"), b=build_school("b"))


def signed_in(client: Any, user: User) -> Any:
    client.force_login(user)
    return client


def module_with_quiz(index: int = 0) -> Module:
    modules = [m for m in get_course().modules if get_quiz(m.id) is not None]
    return modules[index]


def quiz_of(module_id: str) -> Quiz:
    """The module's quiz, for a test that knows it has one."""
    quiz = get_quiz(module_id)
    assert quiz is not None, f"{module_id} has no quiz"
    return quiz
