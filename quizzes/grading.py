"""Grading and the walk through a quiz: pure functions over quiz objects and answers. No database.

Every knowledge check is worth 1 point, given only for a fully right answer.
A scenario is a story, not an exam: its choices carry feedback and lead on,
never points, and its result is the ending reached. A reflection is worth
nothing and is never seen here with any text. How each kind normalises and
grades an answer is the kind's own (quizzes.kinds).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.maths import percent

from . import kinds
from .domain import Ending, Item, Quiz
from .kinds import GradedAnswer, InvalidAnswer

__all__ = [
    "GradedAnswer",
    "InvalidAnswer",
    "ItemResult",
    "QuizResult",
    "endings_reached",
    "grade_answer",
    "grade_quiz",
    "normalise_answer",
    "opening",
    "passes",
]

Responses = Iterable[tuple[str, str | None, Any]]  # (item id, step id, stored answer)


def passes(score: int, max_score: int, pass_mark: float) -> bool:
    """Whether a score reaches the pass mark (a share of the maximum); nothing to score never passes."""
    return max_score > 0 and score >= pass_mark * max_score - 1e-9


def normalise_answer(item: Item, step_id: str | None, answer: Any) -> dict[str, Any]:
    """The canonical form of an answer, or InvalidAnswer."""
    if not isinstance(answer, dict):
        raise InvalidAnswer("an answer is a mapping")
    return kinds.of(item).normalise(item, step_id, answer)


def grade_answer(item: Item, step_id: str | None, answer: Any) -> GradedAnswer:
    return kinds.of(item).grade(item, step_id, normalise_answer(item, step_id, answer))


def opening(quiz: Quiz, item_index: int) -> tuple[int, str]:
    """The station that opens item ``item_index``: (item index, step id); a story opens at its start."""
    if item_index < len(quiz.items):
        item = quiz.items[item_index]
        return item_index, kinds.of(item).first_step(item)
    return item_index, ""


@dataclass(frozen=True, slots=True)
class ItemResult:
    item_id: str
    score: int
    max_score: int
    answered: bool


@dataclass(frozen=True, slots=True)
class QuizResult:
    score: int
    max_score: int
    passed: bool
    items: tuple[ItemResult, ...]

    @property
    def percent(self) -> int:
        return percent(self.score, self.max_score)


def grade_quiz(quiz: Quiz, responses: Responses) -> QuizResult:
    """Grade ``(item id, step id, answer)`` responses; their order does not matter.

    The maximum is always the quiz's (1 per knowledge check), so an unfinished
    attempt scores against the whole quiz.
    """
    earned: dict[str, int] = {}
    answered: set[str] = set()
    for item_id, step_id, answer in responses:
        item = quiz.item(item_id)
        if item is None:
            raise InvalidAnswer(f"no item '{item_id}'")
        earned[item_id] = earned.get(item_id, 0) + grade_answer(item, step_id, answer).score
        answered.add(item_id)
    items = tuple(
        ItemResult(item.id, min(earned.get(item.id, 0), item.max_points), item.max_points, item.id in answered)
        for item in quiz.items
    )
    score = sum(result.score for result in items)
    return QuizResult(
        score=score, max_score=quiz.max_score, passed=passes(score, quiz.max_score, quiz.pass_mark), items=items
    )


def endings_reached(quiz: Quiz, responses: Responses) -> dict[str, list[Ending]]:
    """The endings the learner's answers led to, by item id."""
    reached: dict[str, list[Ending]] = {}
    for item_id, step_id, answer in responses:
        item = quiz.item(item_id)
        ending = grade_answer(item, step_id, answer).ending if item is not None else None
        if ending is not None:
            reached.setdefault(item_id, []).append(ending)
    return reached
