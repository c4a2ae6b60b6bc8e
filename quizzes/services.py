"""Writes for quizzes: starting attempts and recording answers, exactly once."""

from __future__ import annotations

import datetime
import secrets

from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from . import grading
from .domain import Quiz, Scenario
from .models import QuizAttempt, QuizResponse
from .stations import Station

VISITOR_SESSION_KEY = "pause.visitor"


class SubmissionRefused(Exception):
    """A submission that cannot be recorded: malformed, or for a quiz that has changed."""


class NotCurrent(SubmissionRefused):
    """An answer to a question the attempt is no longer at (another tab, the back button), or not the reader's."""


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
    *, user, session: SessionBase, quiz: Quiz, station: Station, key: str, answer: dict
) -> tuple[QuizResponse, bool]:
    """Record the answer to ``station`` (as the question page showed it); returns (response, created).

    Exactly once, without locks and without reading the attempt first: the
    response row's unique constraints (one per station, one per submission key)
    let only one insert win, and the attempt moves on only if it is still
    where the page showed it and still the reader's own (one guarded update,
    in the same transaction). A replay of the same submission key, such as a
    double click, gets the response already recorded; any other answer to a
    question that is no longer the current one (a second tab, the back button)
    is refused with :class:`NotCurrent`.
    """
    if not key or len(key) > 64:
        raise SubmissionRefused("missing submission key")
    if station.content_hash != quiz.content_hash:
        raise SubmissionRefused("the quiz has changed since this attempt started")
    owner = _owner(user, session)
    if owner is None:
        raise NotCurrent("a visitor with no attempts")
    item = quiz.items[station.item_index]
    step_id = station.step_id or None
    try:
        stored = grading.normalise_answer(item, step_id, answer)
        graded = grading.grade_answer(item, step_id, stored)
    except grading.InvalidAnswer as exc:
        raise SubmissionRefused(str(exc)) from exc
    try:
        with transaction.atomic():
            response = _record(owner=owner, quiz=quiz, station=station, key=key, stored=stored, graded=graded)
    except (IntegrityError, _AttemptMovedOn):
        existing = _existing(owner=owner, station=station, key=key)
        if existing is None:
            raise NotCurrent("that question is not the current one") from None
        return existing, False
    return response, True


class _AttemptMovedOn(Exception):
    """Raised inside the transaction to roll it back when the attempt is not where the page showed it."""


def _owner(user, session: SessionBase) -> dict | None:
    """Filters for the reader's own attempts (as selectors.attempts_owned), or None for a visitor with none."""
    if user.is_authenticated:
        return {"user": user}
    token = visitor_token(session)
    return {"visitor": token} if token else None  # a visitor's attempt has no user (a check constraint)


def _existing(*, owner: dict, station: Station, key: str) -> QuizResponse | None:
    """The response this reader's attempt already recorded under ``key``, if any."""
    mine = {f"attempt__{name}": value for name, value in owner.items()}
    return QuizResponse.objects.filter(submission_key=key, attempt_id=station.attempt_id, **mine).first()


def _record(*, owner: dict, quiz: Quiz, station: Station, key: str, stored: dict, graded) -> QuizResponse:
    response = QuizResponse.objects.create(
        attempt_id=station.attempt_id,
        position=station.number,
        item_id=quiz.items[station.item_index].id,
        step_id=station.step_id,
        answer=stored,
        score=graded.score,
        max_score=graded.max_score,
        correct=graded.correct,
        submission_key=key,
    )
    if graded.next_step:
        item_index, step_id = station.item_index, graded.next_step
    else:
        item_index, step_id = _place(quiz, station.item_index + 1)
    if not _move_on(owner=owner, station=station, item_index=item_index, step_id=step_id, points=graded.score):
        raise _AttemptMovedOn
    if item_index >= len(quiz.items):  # that was the last station
        attempt = QuizAttempt.objects.only("score", "max_score", "pass_mark").get(pk=station.attempt_id)
        attempt.submitted_at = timezone.now()
        attempt.passed = grading.passes(attempt.score, attempt.max_score, attempt.pass_mark)
        attempt.save(update_fields=["submitted_at", "passed"])
    return response


# The busiest statement in the app, written out: the ORM takes several times longer to build it
# than the database takes to run it, and answering has a latency budget (bench/run.py).
# Two whole statements rather than one built with format(): nothing but parameters ever enters the SQL.
_MOVE_ON = {
    "user": (
        "UPDATE quizzes_quizattempt SET answered = answered + 1, item_index = %s, step_id = %s, score = score + %s"
        " WHERE id = %s AND answered = %s AND user_id = %s"
    ),
    "visitor": (
        "UPDATE quizzes_quizattempt SET answered = answered + 1, item_index = %s, step_id = %s, score = score + %s"
        " WHERE id = %s AND answered = %s AND visitor = %s AND user_id IS NULL"
    ),
}


def _move_on(*, owner: dict, station: Station, item_index: int, step_id: str, points: int) -> bool:
    """Move the attempt on from ``station`` to the next place; False when it is not there, or not the reader's.

    The guard is the attempt's owner and its answered count as the page was signed: item,
    step and score change only together with that count, here, so an attempt that has
    answered exactly ``station.number`` stations is exactly where the signed station says.
    The score is added in the database: a station carries none, as no question page shows one.
    """
    kind, value = ("user", owner["user"].pk) if "user" in owner else ("visitor", owner["visitor"])
    with connection.cursor() as cursor:
        cursor.execute(_MOVE_ON[kind], [item_index, step_id, points, station.attempt_id, station.number, value])
        return cursor.rowcount == 1


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
