"""Reads for the anonymous question box (issue 15): who may ask where, what a teacher triages, what a class sees.

Nothing here can say who asked: a question row names its class and its day, nothing else.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404

from accounts.models import User

from ..models import ClassQuestion, Classroom

logger = logging.getLogger(__name__)


def _open_classes_of(user: User | AnonymousUser) -> QuerySet[Classroom]:
    if not (isinstance(user, User) and user.role == User.Role.STUDENT):
        return Classroom.objects.none()
    return Classroom.objects.filter(enrolments__student=user, archived_at__isnull=True)


def classrooms_to_ask(*, user: User | AnonymousUser, module_id: str) -> list[Classroom]:
    """The open classes of this student that have this module set: where its end asks for a question."""
    return list(_open_classes_of(user).filter(assignments__module_id=module_id).distinct().order_by("name", "pk"))


def classroom_get_for_asker(*, user: User | AnonymousUser, classroom_id: int) -> Classroom:
    """A class this student is in and that is open; 404 for anyone else's or an archived one."""
    classroom = _open_classes_of(user).filter(pk=classroom_id).first()
    if classroom is None:
        logger.warning("refused: class %s is not an open class of user %s", classroom_id, user.pk)
        raise Http404("No such class.")
    return classroom


def class_questions(*, classroom: Classroom) -> list[ClassQuestion]:
    """A teacher's triage list: flagged first, then not yet answered, newest day first, hidden last.

    Within a day the order is the random id's, so it says nothing about who asked first.
    """
    rows = classroom.questions.annotate(
        calm=Case(When(flag="", then=Value(1)), default=Value(0), output_field=IntegerField()),
        done=Case(When(answer="", then=Value(0)), default=Value(1), output_field=IntegerField()),
    )
    return list(rows.order_by("hidden", "calm", "done", "-asked_on", "id"))


def question_get_for_teacher(*, classroom: Classroom, question_id: uuid.UUID) -> ClassQuestion:
    """A question of a class this teacher may see (call classroom_get_for_teacher first)."""
    question = ClassQuestion.objects.filter(pk=question_id, classroom=classroom).first()
    if question is None:
        logger.warning("refused: question %s is not in class %s", question_id, classroom.pk)
        raise Http404("No such question.")
    return question


@dataclass(frozen=True, slots=True)
class ClassAnswers:
    classroom_name: str
    answered: list[ClassQuestion]


def class_answers_for_student(*, student: User) -> list[ClassAnswers]:
    """What each of this student's open classes has been answered ("Someone asked…"), newest first."""
    rows = (
        ClassQuestion.objects.filter(classroom__in=_open_classes_of(student), hidden=False, answered_on__isnull=False)
        .exclude(answer="")
        .select_related("classroom")
        .order_by("classroom__name", "classroom_id", "-answered_on", "id")
    )
    found: dict[int, ClassAnswers] = {}
    for row in rows:
        found.setdefault(row.classroom_id, ClassAnswers(row.classroom.name, [])).answered.append(row)
    return list(found.values())


@dataclass(frozen=True, slots=True)
class QuestionCounts:
    waiting: int  # not answered, not hidden
    flagged: int  # flagged, not hidden


def question_counts(*, classroom: Classroom) -> QuestionCounts:
    """For the class page's link to its question box: what waits, and what is flagged."""
    shown = classroom.questions.filter(hidden=False)
    return QuestionCounts(waiting=shown.filter(answer="").count(), flagged=shown.exclude(flag="").count())
