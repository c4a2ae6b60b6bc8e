"""The top of a class page: who needs the teacher now (issue 14, "see who needs help").

Built from the matrix the page draws anyway, plus the per-question counts, so the page's queries
stay the same for 30 students or 300. It follows ``core.visibility``: completion, the day of the
last sign-in and class-wide counts per question, never a student's own answers or story choices;
a question's counts are used only once ``MIN_RESPONSES_SHOWN`` students have answered it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from accounts.models import User
from core import visibility
from quizzes import selectors as quiz_selectors
from quizzes.registry import get_quiz

from .progress import AssignedModule, Status
from .teaching import ClassMatrix


@dataclass(frozen=True, slots=True)
class AssignmentSummary:
    assigned: AssignedModule
    overdue: int
    not_started: int


@dataclass(frozen=True, slots=True)
class MostMissed:
    assigned: AssignedModule
    question: quiz_selectors.QuestionResult
    missed: int  # students whose latest answer was wrong

    @property
    def percent(self) -> int:
        return round(100 * self.missed / self.question.responses)


@dataclass(frozen=True, slots=True)
class StudentActivity:
    id: int
    nickname: str
    last_sign_in: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class ClassSummary:
    assignments: list[AssignmentSummary]
    not_signed_in: list[StudentActivity]
    most_missed: MostMissed | None
    activity: list[StudentActivity]

    @property
    def overdue(self) -> int:
        return sum(a.overdue for a in self.assignments)


def missed_count(question: quiz_selectors.QuestionResult) -> int | None:
    """How many got a one-answer knowledge check wrong; None for what has no single right answer
    (a story's step, a question where several options could be ticked) or fewer answers than the floor."""
    if question.several or question.responses < visibility.MIN_RESPONSES_SHOWN:
        return None
    right = [option.count for option in question.options if option.correct]
    if not right:
        return None
    return question.responses - sum(right)


def most_missed(*, assigned: list[AssignedModule], user_ids: list[int]) -> MostMissed | None:
    """The knowledge-check question the class missed most (by share), among questions with enough answers."""
    best: MostMissed | None = None
    for item in assigned:
        quiz = get_quiz(item.module.id) if item.module and item.has_quiz else None
        if quiz is None:
            continue
        for question in quiz_selectors.question_results(quiz=quiz, user_ids=user_ids):
            missed = missed_count(question)
            if not missed:
                continue
            found = MostMissed(assigned=item, question=question, missed=missed)
            if best is None or found.missed / question.responses > best.missed / best.question.responses:
                best = found
    return best


def class_summary(*, matrix: ClassMatrix, students: list[User]) -> ClassSummary:
    """Overdue and not started per assignment, who has not signed in, the most-missed question, last sign-ins."""
    assignments = [
        AssignmentSummary(
            assigned=assigned,
            overdue=sum(row.cells[i].overdue for row in matrix.rows),
            not_started=sum(row.cells[i].status == Status.NOT_STARTED for row in matrix.rows),
        )
        for i, assigned in enumerate(matrix.assigned)
    ]
    activity = [StudentActivity(id=s.pk, nickname=s.first_name, last_sign_in=s.last_login) for s in students]
    activity.sort(key=lambda a: (a.last_sign_in is not None, a.last_sign_in or datetime.datetime.min, a.nickname))
    return ClassSummary(
        assignments=assignments,
        not_signed_in=[a for a in activity if a.last_sign_in is None],
        most_missed=most_missed(assigned=matrix.assigned, user_ids=[s.pk for s in students]),
        activity=activity,
    )
