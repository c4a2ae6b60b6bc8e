"""A student's own page: what is set, who can see their progress, their family code, their data."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone

from accounts import credentials
from accounts.models import User
from courses import selectors as course_selectors
from courses.domain import Module
from courses.registry import get_course
from prepost import selectors as prepost_selectors
from quizzes import selectors as quiz_selectors

from ..models import Assignment, Classroom, Enrolment, FamilyCode, FamilyLink
from .access import classrooms_visible_to
from .progress import AssignedModule, Cell, Progress


@dataclass(frozen=True, slots=True)
class MyAssignment:
    classroom_id: int
    classroom_name: str
    teacher_name: str
    module: Module
    due_on: datetime.date | None
    note: str
    cell: Cell
    assigned_at: datetime.datetime | None = None


@dataclass(frozen=True, slots=True)
class Watchers:
    teachers: list[tuple[str, str]]  # (teacher's name, class name)
    parents: list[FamilyLink]


def assignments_of(*, student_ids: Sequence[int], progress: Progress | None = None) -> dict[int, list[MyAssignment]]:
    """Each student's assignments in open classes, soonest due first (undated last, on every database).

    One query for many students, plus two for their progress unless the caller has it already.
    """
    course = get_course()
    rows = (
        Assignment.objects.filter(
            classroom__enrolments__student_id__in=student_ids, classroom__archived_at__isnull=True
        )
        .annotate(for_student=F("classroom__enrolments__student_id"))
        .select_related("classroom__teacher")
        .order_by(F("due_on").asc(nulls_last=True), "assigned_at", "pk")
    )
    found: list[tuple[int, AssignedModule]] = []
    for row in rows:
        assigned = AssignedModule.of(row, course)
        if assigned.module is not None:  # a module that has left the course is not the student's to do
            found.append((row.for_student, assigned))
    mine: dict[int, list[MyAssignment]] = {pk: [] for pk in student_ids}
    if not found:
        return mine
    if progress is None:
        modules = {a.assignment.module_id: a.module for _, a in found if a.module is not None}
        progress = Progress.of(user_ids=student_ids, modules=modules.values())
    today = timezone.localdate()
    for student_id, assigned in found:
        classroom = assigned.assignment.classroom
        assert assigned.module is not None  # noqa: S101 (filtered above; for the type checker)
        mine[student_id].append(
            MyAssignment(
                classroom_id=classroom.pk,
                classroom_name=classroom.name,
                teacher_name=classroom.teacher.first_name,
                module=assigned.module,
                due_on=assigned.assignment.due_on,
                note=assigned.assignment.note,
                cell=progress.cell(user_id=student_id, assigned=assigned, today=today),
                assigned_at=assigned.assignment.assigned_at,
            )
        )
    return mine


def student_assignments(*, student: User) -> list[MyAssignment]:
    return assignments_of(student_ids=[student.pk])[student.pk]


def student_watchers(*, student: User) -> Watchers:
    classes = Classroom.objects.filter(enrolments__student=student).select_related("teacher").order_by("name")
    return Watchers(
        teachers=[(c.teacher.first_name, c.name) for c in classes],
        parents=list(FamilyLink.objects.filter(student=student).select_related("parent").order_by("linked_at")),
    )


def family_code_current(*, student: User) -> FamilyCode | None:
    return FamilyCode.objects.filter(student=student, expires_at__gt=timezone.now()).first()


def _account_and_classes(student: User, classes: QuerySet[Classroom] | None = None) -> dict[str, Any]:
    """The account's facts and its class places: all of them, or only those in ``classes``."""
    enrolments = Enrolment.objects.filter(student=student).select_related("classroom__teacher")
    if classes is not None:
        enrolments = enrolments.filter(classroom__in=classes)
    return {
        "account": {
            "username": student.username,
            "nickname": student.first_name,
            "joined": student.date_joined.isoformat(),
            "last_sign_in": student.last_login.isoformat() if student.last_login else None,
        },
        "classes": [
            {"class": e.classroom.name, "teacher": e.classroom.teacher.first_name, "joined": e.joined_at.isoformat()}
            for e in enrolments
        ],
    }


def student_export_for_staff(*, student: User, viewer: User) -> dict[str, Any]:
    """A teacher's or school admin's copy for a data request: what the rule lets them see, and the account.

    Follows core.visibility: no story choices, no answers, no linked parents, and only the classes
    (and work set in them) that ``viewer`` may see. The rest is in the student's own download
    (``student_export``), which the file points to.
    """
    visible = classrooms_visible_to(user=viewer)
    seen = set(visible.filter(enrolments__student=student).values_list("pk", flat=True))
    modules = list(get_course().modules)
    progress = Progress.of(user_ids=[student.pk], modules=modules)
    lines = []
    for module in modules:
        done = min(progress.lessons.get((student.pk, module.id), 0), len(module.lessons))
        quiz = progress.quizzes.get((student.pk, module.id))
        if not done and quiz is None:
            continue
        lines.append(
            {
                "module": module.title,
                "lessons_done": done,
                "lessons_total": len(module.lessons),
                "complete": quiz_selectors.module_complete(module=module, lessons_done=done, quiz=quiz),
                "best_quiz_percent": quiz.best_percent if quiz else None,
            }
        )
    return {
        "format": "pause-student-export-for-school/1",
        "exported_at": timezone.now().isoformat(),
        **_account_and_classes(student, visible),
        "modules": lines,
        "work_set": [
            {"class": a.classroom_name, "module": a.module.title, "due_on": a.due_on.isoformat() if a.due_on else None}
            for a in student_assignments(student=student)
            if a.classroom_id in seen
        ],
        "not_included": (
            "The choices the student made in stories, their answers to questions and to the before-and-after "
            "checks, and who they share their "
            "progress with: only the student sees those, in their own download on their “My classes” page. "
            "Reflections are never stored."
        ),
    }


def student_export(*, student: User) -> dict[str, Any]:
    """Everything stored about a student, as the student could read it: for the student only."""
    return {
        "format": "pause-student-export/1",
        "exported_at": timezone.now().isoformat(),
        **_account_and_classes(student),
        "lessons_done": course_selectors.lesson_progress_export(user=student),
        "quiz_attempts": quiz_selectors.attempts_export(user=student),
        "before_and_after_checks": prepost_selectors.answers_export(user=student),
        "family_links": [
            {"parent": link.parent.first_name, "linked_at": link.linked_at.isoformat()}
            for link in FamilyLink.objects.filter(student=student).select_related("parent")
        ],
        "reflections": "Never stored: reflections stay in your browser.",
    }


def classroom_id_for_join_code(code: str) -> int | None:
    """The open class this code joins, or None (a wrong code, or an archived class's)."""
    return (
        Classroom.objects.filter(join_code=credentials.normalise_code(code), archived_at__isnull=True)
        .values_list("pk", flat=True)
        .first()
    )
