"""Taking a quiz without a browser, through the real services: for demo data, benchmarks and tests."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from . import kinds, services
from .domain import Item, Quiz
from .models import QuizAttempt


def answer_for(item: Item, step_id: str | None, *, slip: bool) -> dict[str, Any]:
    """The right answer to a station (a story's first choice), or (``slip``) a wrong one (its last)."""
    return kinds.of(item).example_answer(item, step_id or None, right=not slip)


def take_quiz(*, user: AbstractBaseUser, quiz: Quiz, slip_every: int = 0) -> QuizAttempt:
    """Start and finish an attempt; with ``slip_every`` = n, every nth station gets a wrong answer."""
    attempt = services.quiz_attempt_start(user=user, session=None, quiz=quiz)
    while not attempt.finished:
        item = quiz.items[attempt.item_index]
        station = attempt.answered
        slip = bool(slip_every) and station % slip_every == slip_every - 1
        services.quiz_attempt_answer(
            attempt=attempt,
            quiz=quiz,
            position=station,
            key=f"demo-{attempt.public_id}-{station}",
            answer=answer_for(item, attempt.step_id, slip=slip),
        )
        attempt.refresh_from_db()
    return attempt
