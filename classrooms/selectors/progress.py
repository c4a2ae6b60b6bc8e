"""Lessons done and quiz scores for many students × modules, in a fixed number of queries.

The class matrix, a student's own page and a parent's page all draw the same cells: one rule
for a cell's status, from ``quizzes.selectors.module_complete``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils import timezone

from accounts.models import User
from courses import selectors as course_selectors
from courses.domain import Course, Module
from courses.registry import get_course
from quizzes import selectors as quiz_selectors
from quizzes.registry import get_quiz

from ..models import Assignment, Classroom


class Status(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {Status.NOT_STARTED: "Not started", Status.IN_PROGRESS: "In progress", Status.DONE: "Done"}[self]

    @property
    def rank(self) -> int:
        return (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE).index(self)


@dataclass(frozen=True, slots=True)
class Cell:
    status: Status
    lessons_done: int
    lessons_total: int
    quiz_percent: int | None
    overdue: bool

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def rank(self) -> tuple[int, int]:
        return (self.status.rank, self.quiz_percent or -1)


@dataclass(frozen=True, slots=True)
class AssignedModule:
    assignment: Assignment
    module: Module | None  # None when the module has left the course since it was assigned
    has_quiz: bool

    @classmethod
    def of(cls, assignment: Assignment, course: Course) -> AssignedModule:
        module = course.module(assignment.module_id)
        return cls(
            assignment=assignment, module=module, has_quiz=module is not None and get_quiz(module.id) is not None
        )

    @property
    def title(self) -> str:
        return self.module.title if self.module else f"{self.assignment.module_id} (no longer in the course)"


def assigned_modules(*, classroom: Classroom) -> list[AssignedModule]:
    course = get_course()
    return [AssignedModule.of(a, course) for a in classroom.assignments.all()]


@dataclass(frozen=True, slots=True)
class Progress:
    """``(user id, module id) ->`` lessons done and quiz standing, for many learners at once."""

    lessons: Mapping[tuple[int, str], int]
    quizzes: Mapping[tuple[int, str], quiz_selectors.QuizStanding]

    @classmethod
    def of(cls, *, user_ids: Sequence[int], modules: Iterable[Module]) -> Progress:
        """Two queries, however many learners and modules."""
        modules = list(modules)
        return cls(
            lessons=course_selectors.lessons_done_counts(user_ids=user_ids, modules=modules),
            quizzes=quiz_selectors.quiz_standings(user_ids=user_ids, module_ids=[m.id for m in modules]),
        )

    def cell(self, *, user_id: int, assigned: AssignedModule, today: datetime.date) -> Cell:
        module = assigned.module
        total = len(module.lessons) if module else 0
        done = self.lessons.get((user_id, assigned.assignment.module_id), 0)
        quiz = self.quizzes.get((user_id, assigned.assignment.module_id))
        if module is not None and quiz_selectors.module_complete(
            module=module, lessons_done=done, quiz=quiz, has_quiz=assigned.has_quiz
        ):
            status = Status.DONE
        elif done or (quiz is not None and quiz.started):
            status = Status.IN_PROGRESS
        else:
            status = Status.NOT_STARTED
        due = assigned.assignment.due_on
        return Cell(
            status=status,
            lessons_done=min(done, total),
            lessons_total=total,
            quiz_percent=quiz.best_percent if quiz else None,
            overdue=status != Status.DONE and due is not None and due < today,
        )


@dataclass(frozen=True, slots=True)
class StudentRow:
    id: int
    nickname: str
    username: str
    cells: tuple[Cell, ...]

    @property
    def done_count(self) -> int:
        return sum(cell.status == Status.DONE for cell in self.cells)


def progress_rows(*, students: Sequence[User], assigned: Sequence[AssignedModule]) -> list[StudentRow]:
    """Cells for students × assigned modules in two queries, however many students."""
    progress = Progress.of(user_ids=[s.pk for s in students], modules=[a.module for a in assigned if a.module])
    today = timezone.localdate()
    return [
        StudentRow(
            id=student.pk,
            nickname=student.first_name,
            username=student.username,
            cells=tuple(progress.cell(user_id=student.pk, assigned=a, today=today) for a in assigned),
        )
        for student in students
    ]
