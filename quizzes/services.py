"""Writes for quizzes: starting attempts and recording answers, exactly once."""

from __future__ import annotations

import datetime
import logging
import uuid
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import grading, selectors
from .domain import Quiz
from .models import QuizAttempt, QuizResponse
from .selectors import Reader
from .visitors import visitor_token

logger = logging.getLogger(__name__)


class SubmissionRefused(Exception):
    """A submission that cannot be recorded: malformed, or for a quiz that has changed."""


class NotCurrent(SubmissionRefused):
    """An answer to a question the attempt is no longer at (another tab, the back button), or not the reader's."""


@transaction.atomic
def quiz_attempt_start(*, user: Reader, session: SessionBase | None, quiz: Quiz) -> QuizAttempt:
    if user.is_authenticated:
        owner: dict[str, Any] = {"user": user}
    else:
        assert session is not None, "a visitor's attempt is kept by their session"
        owner = {"visitor": visitor_token(session, create=True)}
    item_index, step_id = grading.opening(quiz, 0)
    return QuizAttempt.objects.create(
        **owner,
        module_id=quiz.module_id,
        content_hash=quiz.content_hash,
        item_index=item_index,
        step_id=step_id,
        max_score=quiz.max_score,
        pass_mark=quiz.pass_mark,
    )


def quiz_attempt_answer(
    *,
    user: Reader,
    session: SessionBase | None,
    quiz: Quiz,
    public_id: uuid.UUID | str,
    position: int,
    key: str,
    answer: dict[str, Any],
) -> tuple[QuizResponse, bool]:
    """Record the answer to the question attempt ``public_id`` showed after ``position`` answers.

    Returns (response, created). In one transaction: read the reader's own
    attempt, locked (select_for_update; SQLite's IMMEDIATE transactions already
    let one writer in at a time), check it still stands where the page showed
    it, record the response and move the attempt on with an update guarded on
    the same position. The response's unique constraints (one per station, one
    per submission key) back the check up. A replay of the same submission key
    (a double click, a retried POST) gets the response already recorded; any
    other answer to a question that is no longer the current one (a second tab,
    the back button) is refused with :class:`NotCurrent`.
    """
    if not key or len(key) > 64:
        raise SubmissionRefused("missing submission key")
    try:
        with transaction.atomic():
            return _record(
                user=user, session=session, quiz=quiz, public_id=public_id, position=position, key=key, answer=answer
            )
    except IntegrityError:
        # Only a key recorded by another attempt gets here: within this one, the lock and the checks came first.
        raise NotCurrent("that submission key was used by another attempt") from None


def _record(
    *,
    user: Reader,
    session: SessionBase | None,
    quiz: Quiz,
    public_id: uuid.UUID | str,
    position: int,
    key: str,
    answer: dict[str, Any],
) -> tuple[QuizResponse, bool]:
    attempt = selectors.attempt_for_answer(user=user, session=session, quiz=quiz, public_id=public_id, lock=True)
    if attempt is None:
        raise NotCurrent("not the reader's attempt at this version of the quiz")
    if attempt.finished or attempt.answered != position:
        replayed = selectors.response_for_key(attempt=attempt, key=key)
        if replayed is None:
            raise NotCurrent("that question is not the current one")
        return replayed, False
    item = quiz.items[attempt.item_index]
    step_id = attempt.step_id or None
    try:
        stored = grading.normalise_answer(item, step_id, answer)
        graded = grading.grade_answer(item, step_id, stored)
    except grading.InvalidAnswer as exc:
        raise SubmissionRefused(str(exc)) from exc
    response = QuizResponse.objects.create(
        attempt=attempt,
        position=position,
        item_id=item.id,
        step_id=attempt.step_id,
        answer=stored,
        score=graded.score,
        max_score=graded.max_score,
        correct=graded.correct,
        submission_key=key,
    )
    if graded.next_step:
        item_index, next_step = attempt.item_index, graded.next_step
    else:
        item_index, next_step = grading.opening(quiz, attempt.item_index + 1)
    changes: dict[str, Any] = {"item_index": item_index, "step_id": next_step}
    if item_index >= len(quiz.items):  # that was the last station
        changes["submitted_at"] = timezone.now()
        changes["passed"] = grading.passes(attempt.score + graded.score, attempt.max_score, attempt.pass_mark)
    moved = QuizAttempt.objects.filter(pk=attempt.pk, answered=position).update(
        answered=F("answered") + 1, score=F("score") + graded.score, **changes
    )
    if moved != 1:  # cannot happen while the row is locked; never record an answer the attempt did not take
        raise NotCurrent("the attempt moved on")
    return response, True


def quiz_attempts_claim(*, user: Reader, session: SessionBase | None) -> None:
    """A visitor who signs in keeps the quizzes they took."""
    token = visitor_token(session)
    if token and user.is_authenticated:
        QuizAttempt.objects.filter(visitor=token, user__isnull=True).update(user=user, visitor="")


def visitor_attempts_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete visitors' attempts older than a day: their session (two hours at most) is gone, so nobody can reach them."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=1)
    deleted, _ = QuizAttempt.objects.filter(user__isnull=True, started_at__lt=cutoff).delete()
    return deleted
