"""Writes for quizzes: starting attempts and recording answers, exactly once."""

from __future__ import annotations

import datetime
import secrets

from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import grading
from .domain import Quiz, Scenario
from .models import QuizAttempt, QuizResponse

VISITOR_SESSION_KEY = "pause.visitor"


class SubmissionRefused(Exception):
    """A submission that cannot be recorded: stale, replayed against another attempt, or malformed."""


def visitor_token(session: SessionBase, *, create: bool = False) -> str:
    token = session.get(VISITOR_SESSION_KEY, "")
    if not token and create:
        token = secrets.token_urlsafe(24)
        session[VISITOR_SESSION_KEY] = token
    return token if isinstance(token, str) else ""


def _place(quiz: Quiz, item_index: int) -> tuple[int, str]:
    """The station that opens item ``item_index``: a scenario opens at its start step."""
    if item_index < len(quiz.items) and isinstance(quiz.items[item_index], Scenario):
        return item_index, quiz.items[item_index].start
    return item_index, ""


@transaction.atomic
def quiz_attempt_start(*, user, session: SessionBase, quiz: Quiz) -> QuizAttempt:
    owner = {"user": user} if user.is_authenticated else {"visitor": visitor_token(session, create=True)}
    item_index, step_id = _place(quiz, 0)
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
    *, attempt: QuizAttempt, quiz: Quiz, station: int, key: str, answer: dict
) -> tuple[QuizResponse, bool]:
    """Record the answer to station ``station`` of ``attempt`` (as read); returns (response, created).

    Exactly once, without locks: the response row's unique constraints (one per
    station, one per submission key) let only one insert win, and the attempt
    moves on only if it is still where it was read (``answered == station``).
    A loser, whether the same key replayed, a double click or a second tab,
    gets the response already recorded.
    """
    if not key or len(key) > 64:
        raise SubmissionRefused("missing submission key")
    if attempt.content_hash != quiz.content_hash:
        raise SubmissionRefused("the quiz has changed since this attempt started")
    if attempt.finished or station != attempt.answered:
        existing = _existing(attempt_id=attempt.pk, station=station, key=key)
        if existing is None:
            raise SubmissionRefused("that question is not the current one")
        return existing, False
    item = quiz.items[attempt.item_index]
    step_id = attempt.step_id or None
    try:
        stored = grading.normalise_answer(item, step_id, answer)
        graded = grading.grade_answer(item, step_id, stored)
    except grading.InvalidAnswer as exc:
        raise SubmissionRefused(str(exc)) from exc
    try:
        with transaction.atomic():
            response = _record(attempt=attempt, quiz=quiz, station=station, key=key, stored=stored, graded=graded)
    except (IntegrityError, _AttemptMovedOn):
        existing = _existing(attempt_id=attempt.pk, station=station, key=key)
        if existing is None:
            raise SubmissionRefused("that question was answered elsewhere") from None
        return existing, False
    return response, True


class _AttemptMovedOn(Exception):
    """Raised inside the transaction to roll it back when another request moved the attempt first."""


def _existing(*, attempt_id: int, station: int, key: str) -> QuizResponse | None:
    by_key = QuizResponse.objects.filter(submission_key=key).first()
    if by_key is not None:
        if by_key.attempt_id != attempt_id:
            raise SubmissionRefused("that submission belongs to another attempt")
        return by_key
    return QuizResponse.objects.filter(attempt_id=attempt_id, position=station).first()


def _record(*, attempt: QuizAttempt, quiz: Quiz, station: int, key: str, stored: dict, graded) -> QuizResponse:
    response = QuizResponse.objects.create(
        attempt=attempt,
        position=station,
        item_id=quiz.items[attempt.item_index].id,
        step_id=attempt.step_id,
        answer=stored,
        score=graded.score,
        max_score=graded.max_score,
        correct=graded.correct,
        submission_key=key,
    )
    if graded.next_step:
        item_index, step_id = attempt.item_index, graded.next_step
    else:
        item_index, step_id = _place(quiz, attempt.item_index + 1)
    # Plain values, not F(): the guard (answered == station) proves the attempt is
    # exactly as it was read, so its score as read is its score now.
    total = attempt.score + graded.score
    changes = {"answered": station + 1, "item_index": item_index, "step_id": step_id, "score": total}
    if item_index >= len(quiz.items):
        changes.update(submitted_at=timezone.now(), passed=grading.passes(total, attempt.max_score, attempt.pass_mark))
    if QuizAttempt.objects.filter(pk=attempt.pk, answered=station).update(**changes) != 1:
        raise _AttemptMovedOn
    return response


def quiz_attempts_claim(*, user, session: SessionBase) -> None:
    """A visitor who signs in keeps the quizzes they took."""
    token = visitor_token(session)
    if token and user.is_authenticated:
        QuizAttempt.objects.filter(visitor=token, user__isnull=True).update(user=user, visitor="")


def visitor_attempts_purge(*, now=None) -> int:
    """Delete visitors' attempts older than a day: their session (two hours at most) is gone, so nobody can reach them."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=1)
    deleted, _ = QuizAttempt.objects.filter(user__isnull=True, started_at__lt=cutoff).delete()
    return deleted
