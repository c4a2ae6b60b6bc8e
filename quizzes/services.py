"""Writes for quizzes: starting attempts and recording answers, exactly once."""

from __future__ import annotations

import datetime
import logging
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


# A visitor (no account) starts at most this many attempts in one browser session: each is a row
# anyone can make without signing in. Far more than reading the whole course and retaking every
# quiz a few times; a visitor's attempts are deleted a day later (visitor_attempts_purge).
VISITOR_STARTS_PER_SESSION = 40


class TooManyStarts(Exception):
    """A visitor has started VISITOR_STARTS_PER_SESSION attempts in this session."""


@transaction.atomic
def quiz_attempt_start(*, user: Reader, session: SessionBase | None, quiz: Quiz) -> QuizAttempt:
    """A new attempt; for a visitor, their unfinished one at this quiz if they have it (a double
    click or a second "Start" makes no second row), and never more than VISITOR_STARTS_PER_SESSION."""
    if user.is_authenticated:
        owner: dict[str, Any] = {"user_id": user.pk}
    else:
        assert session is not None, "a visitor's attempt is kept by their session"
        token = visitor_token(session, create=True)
        unfinished = selectors.attempt_current(user=user, session=session, quiz=quiz)
        if unfinished is not None:
            return unfinished
        if selectors.visitor_attempts(token).count() >= VISITOR_STARTS_PER_SESSION:
            logger.warning("quiz start refused (module %s): visitor session at its limit of starts", quiz.module_id)
            raise TooManyStarts
        owner = {"visitor": token}
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
    *, attempt: QuizAttempt, quiz: Quiz, position: int, key: str, answer: dict[str, Any]
) -> tuple[QuizResponse, bool]:
    """Record the answer to the question ``attempt`` showed after ``position`` answers; returns (response, created).

    ``attempt`` is the reader's own, as :func:`selectors.attempt_for_answer` finds it
    (that is the ownership check). In one transaction the response is created and the
    attempt moved on by an update guarded on ``position``: if another request (a second
    tab, a double click) moved it first, the guard matches no row, or the response's
    unique constraints (one per station, one per submission key) refuse the insert, and
    nothing is kept. A replay of the same submission key gets the response already
    recorded; any other answer to a question that is no longer the current one (a
    second tab, the back button) is refused with :class:`NotCurrent`.

    No select_for_update: the view has already read the attempt (its form depends on
    where the attempt stands), and a second, locking read would add cost and no
    guarantee that the guard and the constraints do not already give.
    """
    if not key or len(key) > 64:
        raise SubmissionRefused("missing submission key")
    if attempt.finished or attempt.answered != position:
        return _replayed(attempt, key)
    item = quiz.items[attempt.item_index]
    step_id = attempt.step_id or None
    try:
        stored = grading.normalise_answer(item, step_id, answer)
        graded = grading.grade_answer(item, step_id, stored)
    except grading.InvalidAnswer as exc:
        raise SubmissionRefused(str(exc)) from exc
    if graded.next_step:
        item_index, next_step = attempt.item_index, graded.next_step
    else:
        item_index, next_step = grading.opening(quiz, attempt.item_index + 1)
    moves: dict[str, Any] = {"item_index": item_index, "step_id": next_step}
    if item_index >= len(quiz.items):  # that was the last station
        moves["submitted_at"] = timezone.now()
        moves["passed"] = grading.passes(attempt.score + graded.score, attempt.max_score, attempt.pass_mark)
    try:
        with transaction.atomic():
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
            # The score moves only with the count, so the guard also proves the score read is current.
            moved = QuizAttempt.objects.filter(pk=attempt.pk, answered=position).update(
                answered=F("answered") + 1, score=F("score") + graded.score, **moves
            )
            if moved != 1:
                # Cannot happen while the response's constraints hold: it moved on without an answer here.
                logger.error("attempt %s was not at position %d, though no answer was there", attempt.pk, position)
                raise _MovedOn
    except (IntegrityError, _MovedOn):
        return _replayed(attempt, key)
    return response, True


class _MovedOn(Exception):
    """Rolls the transaction back when another request moved the attempt on first."""


def _replayed(attempt: QuizAttempt, key: str) -> tuple[QuizResponse, bool]:
    """The response this attempt already recorded under ``key`` (a double click, a retry), or NotCurrent."""
    replayed = selectors.response_for_key(attempt=attempt, key=key)
    if replayed is None:
        raise NotCurrent("that question is not the current one")
    return replayed, False


def quiz_attempts_claim(*, user: Reader, session: SessionBase | None) -> None:
    """A visitor who signs in keeps the quizzes they took."""
    token = visitor_token(session)
    if token and user.is_authenticated:
        selectors.visitor_attempts(token).update(user_id=user.pk, visitor="")


def visitor_attempts_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete visitors' attempts older than a day: their session (two hours at most) is gone, so nobody can reach them."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=1)
    deleted, _ = QuizAttempt.objects.filter(user__isnull=True, started_at__lt=cutoff).delete()
    return deleted
