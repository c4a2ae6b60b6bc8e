"""Reads for quiz and progress pages; ownership is checked here, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import QuerySet
from django.http import Http404

from courses import selectors as course_selectors
from courses.domain import Module
from courses.registry import get_course

from .domain import Quiz
from .models import QuizAttempt, QuizResponse
from .registry import get_quiz
from .services import visitor_token


def quiz_get(*, module_id: str) -> tuple[Module, Quiz]:
    module = course_selectors.module_get(module_id=module_id)
    quiz = get_quiz(module.id)
    if quiz is None:
        raise Http404("This module has no quiz.")
    return module, quiz


def attempts_owned(*, user, session: SessionBase) -> QuerySet[QuizAttempt]:
    if user.is_authenticated:
        return QuizAttempt.objects.filter(user=user)
    token = visitor_token(session)
    return QuizAttempt.objects.filter(visitor=token, user__isnull=True) if token else QuizAttempt.objects.none()


def attempt_current(*, user, session: SessionBase, quiz: Quiz) -> QuizAttempt | None:
    """The reader's unfinished attempt at this version of the quiz, if any.

    One filter call, not a chain: this runs on every quiz answer, and on this
    hardware each queryset clone is measurable against the bench budget.
    """
    if user.is_authenticated:
        owner = {"user": user}
    else:
        token = visitor_token(session)
        if not token:
            return None
        owner = {"visitor": token, "user__isnull": True}
    return (
        QuizAttempt.objects.filter(
            **owner, module_id=quiz.module_id, content_hash=quiz.content_hash, submitted_at__isnull=True
        )
        .order_by("-pk")
        .first()
    )


def attempt_latest_finished(*, user, session: SessionBase, module_id: str) -> QuizAttempt | None:
    return (
        attempts_owned(user=user, session=session)
        .filter(module_id=module_id, submitted_at__isnull=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def attempt_get(*, user, session: SessionBase, module_id: str, public_id) -> QuizAttempt:
    attempt = attempts_owned(user=user, session=session).filter(module_id=module_id, public_id=public_id).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def response_by_key(*, user, session: SessionBase, module_id: str, key: str) -> QuizResponse | None:
    """The reader's own response recorded under a submission key (a replay or a second tab), if any."""
    if not key:
        return None
    return (
        QuizResponse.objects.filter(
            submission_key=key, attempt__in=attempts_owned(user=user, session=session).filter(module_id=module_id)
        )
        .select_related("attempt")
        .first()
    )


def response_get(*, attempt: QuizAttempt, position: int) -> QuizResponse:
    response = attempt.responses.filter(position=position).first()
    if response is None:
        raise Http404("No such answer.")
    return response


@dataclass(frozen=True, slots=True)
class ModuleStanding:
    module: Module
    lessons: course_selectors.ModuleProgress
    has_quiz: bool
    best_percent: int | None  # best finished attempt, None when none
    passed: bool

    @property
    def complete(self) -> bool:
        return self.lessons.complete and (self.passed or not self.has_quiz)


def progress_overview(*, user, session: SessionBase) -> list[ModuleStanding]:
    """Every module: lessons done, best quiz score, complete (all lessons done and quiz passed). Two queries."""
    done = course_selectors.lessons_done(user=user, session=session)
    best: dict[str, tuple[int, bool]] = {}
    finished = attempts_owned(user=user, session=session).filter(submitted_at__isnull=False)
    for module_id, score, max_score, passed in finished.values_list("module_id", "score", "max_score", "passed"):
        percent = round(100 * score / max_score) if max_score else 0
        previous_percent, previous_passed = best.get(module_id, (-1, False))
        best[module_id] = (max(percent, previous_percent), bool(passed) or previous_passed)
    standings = []
    for module in get_course().modules:
        percent, passed = best.get(module.id, (None, False))
        standings.append(
            ModuleStanding(
                module=module,
                lessons=course_selectors.module_progress(module=module, done=done),
                has_quiz=get_quiz(module.id) is not None,
                best_percent=percent,
                passed=passed,
            )
        )
    return standings
