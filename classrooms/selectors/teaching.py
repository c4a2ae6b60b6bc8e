"""A teacher's pages: their classes, a class's progress matrix, quiz results, the school's staff."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count
from django.http import Http404

from accounts import throttle
from accounts.models import School, User
from core import visibility
from courses.domain import Module
from quizzes import selectors as quiz_selectors

from ..models import Classroom, Enrolment
from .access import classrooms_visible_to
from .progress import AssignedModule, Cell, Status, StudentRow, assigned_modules, progress_rows

# Fewer answers than this to a question and its bars are hidden (the rule in core.visibility).
MIN_RESPONSES_SHOWN = visibility.MIN_RESPONSES_SHOWN


class Sort(StrEnum):
    NAME = "name"
    NAME_DESC = "-name"
    PROGRESS = "progress"
    PROGRESS_DESC = "-progress"

    @classmethod
    def of(cls, value: str | None) -> Sort:
        try:
            return cls(value or cls.NAME)
        except ValueError:
            return cls.NAME


@dataclass
class ClassMatrix:
    classroom: Classroom
    assigned: list[AssignedModule]
    rows: list[StudentRow]
    sort: Sort
    done_counts: list[int] = field(default_factory=list)

    @property
    def done_by_module(self) -> list[tuple[AssignedModule, int]]:
        """Each assigned module with how many students are done: the table's footer, labelled on a phone."""
        return list(zip(self.assigned, self.done_counts, strict=True))


def class_students(*, classroom: Classroom) -> list[User]:
    return list(
        User.objects.filter(enrolments__classroom=classroom, role=User.Role.STUDENT)
        .only("pk", "first_name", "username", "last_login")
        .order_by("first_name", "username")
    )


def class_matrix(*, classroom: Classroom, sort: str | None = None, students: list[User] | None = None) -> ClassMatrix:
    """Students × assigned modules. The same number of queries for 30 students or 300."""
    assigned = assigned_modules(classroom=classroom)
    students = class_students(classroom=classroom) if students is None else students
    rows = progress_rows(students=students, assigned=assigned)
    order = Sort.of(sort)
    if order in (Sort.PROGRESS, Sort.PROGRESS_DESC):
        rows.sort(
            key=lambda row: (row.done_count, [cell.rank for cell in row.cells], row.nickname.lower()),
            reverse=order == Sort.PROGRESS_DESC,
        )
    elif order == Sort.NAME_DESC:
        rows.reverse()
    done_counts = [sum(row.cells[i].status == Status.DONE for row in rows) for i in range(len(assigned))]
    return ClassMatrix(classroom=classroom, assigned=assigned, rows=rows, sort=order, done_counts=done_counts)


def student_progress(*, classroom: Classroom, student: User) -> list[tuple[AssignedModule, Cell]]:
    assigned = assigned_modules(classroom=classroom)
    return list(zip(assigned, progress_rows(students=[student], assigned=assigned)[0].cells, strict=True))


@dataclass(frozen=True, slots=True)
class QuizReport:
    module: Module
    students: int
    questions: list[quiz_selectors.QuestionResult]
    min_shown: int = MIN_RESPONSES_SHOWN


def class_quiz_report(*, classroom: Classroom, module_id: str) -> QuizReport:
    if not classroom.assignments.filter(module_id=module_id).exists():
        raise Http404("That module is not assigned to this class.")
    module, quiz = quiz_selectors.quiz_get(module_id=module_id)
    ids = list(Enrolment.objects.filter(classroom=classroom).values_list("student_id", flat=True))
    return QuizReport(
        module=module, students=len(ids), questions=quiz_selectors.question_results(quiz=quiz, user_ids=ids)
    )


def teacher_overview(*, user: User | AnonymousUser) -> list[Classroom]:
    return list(
        classrooms_visible_to(user=user)
        .select_related("teacher")
        .annotate(
            student_count=Count("enrolments", distinct=True), assignment_count=Count("assignments", distinct=True)
        )
        .order_by("archived_at", "name", "pk")
    )


def school_staff(*, school: School) -> list[User]:
    """Everyone on the school's staff, deactivated people included, with how many classes each teaches."""
    return list(
        User.objects.filter(staff_membership__school=school)
        .annotate(class_count=Count("classrooms", distinct=True))
        .order_by("first_name", "username")
    )


@dataclass(frozen=True, slots=True)
class JoinNotices:
    """Right codes for this class refused in the last hour: for too many wrong codes, for too many joins."""

    guesses: int
    joins: int


def join_notices(*, classroom: Classroom) -> JoinNotices:
    counts = throttle.refusals(target=str(classroom.pk))
    return JoinNotices(
        guesses=counts.get(throttle.Kind.REFUSED_GUESSES, 0), joins=counts.get(throttle.Kind.REFUSED_JOINS, 0)
    )
