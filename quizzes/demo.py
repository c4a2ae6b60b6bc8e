"""Taking a quiz without a browser, through the real services: for demo data, benchmarks and tests."""

from __future__ import annotations

from . import services
from .domain import Quiz
from .models import QuizAttempt
from .stations import Station


def answer_for(item, step_id: str, *, slip: bool) -> dict:
    """The right answer to a station (a story's first choice), or (``slip``) a wrong one (its last)."""
    kind = item.kind
    if kind == "scenario":
        choices = item.steps[step_id].choices
        return {"choice": (choices[-1] if slip else choices[0]).id}
    if kind == "single":
        wrong = [o.id for o in item.options if o.id != item.answer]
        return {"option": wrong[0] if slip and wrong else item.answer}
    if kind == "multiple":
        return {"options": sorted(item.answers)[:1] if slip else sorted(item.answers)}
    if kind == "true-false":
        return {"value": (not item.answer) if slip else item.answer}
    if kind == "ordering":
        order = [s.id for s in item.steps]
        return {"order": list(reversed(order)) if slip else order}
    return {}


def take_quiz(*, user, quiz: Quiz, slip_every: int = 0) -> QuizAttempt:
    """Start and finish an attempt; with ``slip_every`` = n, every nth station gets a wrong answer."""
    attempt = services.quiz_attempt_start(user=user, session=None, quiz=quiz)
    station = 0
    while not attempt.finished:
        item = quiz.items[attempt.item_index]
        slip = bool(slip_every) and station % slip_every == slip_every - 1
        services.quiz_attempt_answer(
            user=user,
            session=None,
            quiz=quiz,
            station=Station.of(attempt),
            key=f"demo-{attempt.public_id}-{station}",
            answer=answer_for(item, attempt.step_id, slip=slip),
        )
        attempt.refresh_from_db()
        station += 1
    return attempt
