"""Reads for quiz and progress pages; ownership is checked here, in one place.

Other apps read quizzes through this module: standings, "module complete" and
per-question tallies. A percentage is always core.maths.percent, here in SQL too.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Case, Count, F, FloatField, Max, Q, QuerySet, Value, When
from django.http import Http404

from courses import selectors as course_selectors
from courses.domain import Module
from courses.registry import get_course

from . import kinds
from .domain import Quiz
from .models import QuizAttempt, QuizResponse
from .registry import get_quiz
from .visitors import visitor_token

Reader = AbstractBaseUser | AnonymousUser


def quiz_get(*, module_id: str) -> tuple[Module, Quiz]:
    module = course_selectors.module_get(module_id=module_id)
    quiz = get_quiz(module.id)
    if quiz is None:
        raise Http404("This module has no quiz.")
    return module, quiz


def attempts_owned(*, user: Reader, session: SessionBase | None) -> QuerySet[QuizAttempt]:
    """The reader's own attempts: a signed-in learner's, or this visitor's. The one owner filter."""
    if user.is_authenticated:
        return QuizAttempt.objects.filter(user_id=user.pk)
    return visitor_attempts(visitor_token(session))


def visitor_attempts(token: str) -> QuerySet[QuizAttempt]:
    """A visitor's attempts by their session's token (none without one); they have no user yet."""
    # A check constraint already says a visitor's attempt has no user; the filter says it too.
    return QuizAttempt.objects.filter(visitor=token, user__isnull=True) if token else QuizAttempt.objects.none()


def attempt_current(*, user: Reader, session: SessionBase | None, quiz: Quiz) -> QuizAttempt | None:
    """The reader's unfinished attempt at this version of the quiz, if any."""
    return (
        attempts_owned(user=user, session=session)
        .filter(module_id=quiz.module_id, content_hash=quiz.content_hash, submitted_at__isnull=True)
        .order_by("-pk")
        .first()
    )


def attempt_for_answer(
    *, user: Reader, session: SessionBase | None, quiz: Quiz, public_id: uuid.UUID | str
) -> QuizAttempt | None:
    """The reader's attempt ``public_id`` at this version of the quiz (finished or not), or None.

    Read on every answer: one filter on the unique public id, the rest compared here.
    """
    found = list(attempts_owned(user=user, session=session).filter(public_id=public_id)[:1])
    attempt = found[0] if found else None
    if attempt is None or (attempt.module_id, attempt.content_hash) != (quiz.module_id, quiz.content_hash):
        return None
    return attempt


def attempt_latest_finished(*, user: Reader, session: SessionBase | None, module_id: str) -> QuizAttempt | None:
    return (
        attempts_owned(user=user, session=session)
        .filter(module_id=module_id, submitted_at__isnull=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def attempt_get(
    *, user: Reader, session: SessionBase | None, module_id: str, public_id: uuid.UUID | str
) -> QuizAttempt:
    attempt = attempts_owned(user=user, session=session).filter(module_id=module_id, public_id=public_id).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def response_get(*, attempt: QuizAttempt, position: int) -> QuizResponse:
    response = attempt.responses.filter(position=position).first()
    if response is None:
        raise Http404("No such answer.")
    return response


def stations_answered_in_item(*, attempt: QuizAttempt, item_id: str, before: int) -> int:
    """How many of an item's stations (a story's steps) the attempt answered before ``before``."""
    return attempt.responses.filter(item_id=item_id, position__lt=before).count()


def response_for_key(*, attempt: QuizAttempt, key: str) -> QuizResponse | None:
    """The response this attempt already recorded under a one-time submission key (a replay), if any."""
    return QuizResponse.objects.filter(attempt=attempt, submission_key=key).first() if key else None


# --- standings: best score, passed, complete ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuizStanding:
    """One learner's quiz record on one module."""

    started: bool
    best_percent: int | None  # best finished attempt, None when none is finished
    passed: bool


def _standings(attempts: QuerySet[QuizAttempt], *group: str) -> list[dict[str, Any]]:
    """Per group: attempts, the best finished percent (core.maths.percent before its rounding), passes."""
    finished = Q(submitted_at__isnull=False)
    best = Case(
        When(finished & Q(max_score=0), then=Value(0.0)),  # as core.maths.percent: nothing to score is 0 %
        When(finished, then=F("score") * 100.0 / F("max_score")),
        output_field=FloatField(),
    )
    return list(
        attempts.values(*group)
        .annotate(attempts=Count("pk"), best=Max(best), passes=Count("pk", filter=Q(passed=True)))
        .order_by()
    )


def _standing(row: dict[str, Any]) -> QuizStanding:
    best = row["best"]
    return QuizStanding(
        started=row["attempts"] > 0, best_percent=None if best is None else round(best), passed=row["passes"] > 0
    )


def quiz_standings(*, user_ids: Iterable[int], module_ids: Iterable[str]) -> dict[tuple[int, str], QuizStanding]:
    """``(user id, module id) -> QuizStanding`` for many learners at once, in one query."""
    attempts = QuizAttempt.objects.filter(user_id__in=list(user_ids), module_id__in=list(module_ids))
    return {(row["user_id"], row["module_id"]): _standing(row) for row in _standings(attempts, "user_id", "module_id")}


def module_complete(
    *, module: Module, lessons_done: int, quiz: QuizStanding | None, has_quiz: bool | None = None
) -> bool:
    """The one rule for "module complete": every lesson done, and its quiz passed if it has one.

    Callers filling a table pass ``has_quiz`` once per module rather than per cell.
    """
    if has_quiz is None:
        has_quiz = get_quiz(module.id) is not None
    return lessons_done >= len(module.lessons) and (not has_quiz or (quiz is not None and quiz.passed))


@dataclass(frozen=True, slots=True)
class ModuleStanding:
    module: Module
    lessons: course_selectors.ModuleProgress
    has_quiz: bool
    quiz: QuizStanding | None

    @property
    def best_percent(self) -> int | None:
        return self.quiz.best_percent if self.quiz else None

    @property
    def passed(self) -> bool:
        return bool(self.quiz and self.quiz.passed)

    @property
    def complete(self) -> bool:
        return module_complete(
            module=self.module, lessons_done=self.lessons.count, quiz=self.quiz, has_quiz=self.has_quiz
        )


def progress_overview(*, user: Reader, session: SessionBase) -> list[ModuleStanding]:
    """Every module: lessons done, best quiz score, complete (all lessons done and quiz passed). Two queries."""
    done = course_selectors.lessons_done(user=user, session=session)
    standings = {
        row["module_id"]: _standing(row) for row in _standings(attempts_owned(user=user, session=session), "module_id")
    }
    return [
        ModuleStanding(
            module=module,
            lessons=course_selectors.module_progress(module=module, done=done),
            has_quiz=get_quiz(module.id) is not None,
            quiz=standings.get(module.id),
        )
        for module in get_course().modules
    ]


# --- a teacher's per-question report -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OptionCount:
    text: str
    count: int
    correct: bool | None  # None where no option is "the" answer (a story's choices)


@dataclass(frozen=True, slots=True)
class QuestionResult:
    item_id: str
    step_id: str
    prompt_html: str
    kind: str
    responses: int
    options: tuple[OptionCount, ...]
    several: bool = False  # a student could choose several options


def question_results(*, quiz: Quiz, user_ids: Iterable[int]) -> list[QuestionResult]:
    """How many learners chose each option, from each learner's latest attempt. Two queries.

    Each kind says which places it counts (kinds.Kind.tally): free text never
    reaches the server, so reflections count none; an ordering counts how many
    put the steps in the right order.
    """
    attempts = QuizAttempt.objects.filter(user_id__in=list(user_ids), module_id=quiz.module_id)
    latest = attempts.values("user_id").annotate(latest=Max("pk")).order_by().values_list("latest", flat=True)
    counts: dict[tuple[str, str], dict[str, int]] = {}
    totals: dict[tuple[str, str], int] = {}
    responses = QuizResponse.objects.filter(attempt_id__in=list(latest))
    for item_id, step_id, answer, correct in responses.values_list("item_id", "step_id", "answer", "correct"):
        item = quiz.item(item_id)
        if item is None or not isinstance(answer, dict):
            continue  # an item this version of the quiz no longer has
        place = (item_id, step_id)
        totals[place] = totals.get(place, 0) + 1
        tally = counts.setdefault(place, {})
        for key in kinds.of(item).tally_keys(item, answer, correct):
            tally[key] = tally.get(key, 0) + 1
    return [
        QuestionResult(
            item_id=item.id,
            step_id=place.step_id,
            prompt_html=place.prompt_html,
            kind=item.kind,
            responses=totals.get((item.id, place.step_id), 0),
            options=tuple(
                OptionCount(option.text, counts.get((item.id, place.step_id), {}).get(option.key, 0), option.correct)
                for option in place.options
            ),
            several=place.several,
        )
        for item in quiz.items
        for place in kinds.of(item).tally(item)
    ]


def attempts_export(*, user: AbstractBaseUser) -> list[dict[str, Any]]:
    """A learner's quiz attempts and the choices they made, as plain data, for their data export."""
    attempts = QuizAttempt.objects.filter(user_id=user.pk).prefetch_related("responses").order_by("pk")
    return [
        {
            "module": a.module_id,
            "started_at": a.started_at.isoformat(),
            "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            "score": a.score,
            "max_score": a.max_score,
            "passed": a.passed,
            "answers": [
                {"item": r.item_id, "step": r.step_id, "answer": r.answer, "score": r.score} for r in a.responses.all()
            ],
        }
        for a in attempts
    ]
