"""Grading: pure functions over quiz objects and answers. No Django, no database.

Every knowledge check is worth 1 point, given only for a fully right answer.
A scenario is a story, not an exam: its choices carry feedback and lead on,
never points, and its result is the ending reached. A reflection is worth
nothing and is never seen here with any text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .domain import Ending, MultipleChoice, Ordering, Quiz, Reflection, Scenario, SingleChoice, TrueFalse


class InvalidAnswer(ValueError):
    """The answer does not fit the question (unknown choice, wrong shape)."""


@dataclass(frozen=True, slots=True)
class GradedAnswer:
    score: int
    max_score: int  # 0 for a scenario step or a reflection
    correct: bool | None  # None for scenario steps and reflections
    feedback_html: str
    next_step: str | None = None  # scenario: the next step, None when the story ends
    ending: Ending | None = None


def normalise_answer(item, step_id: str | None, answer: dict) -> dict:
    """The canonical form of an answer, or InvalidAnswer."""
    if not isinstance(answer, dict):
        raise InvalidAnswer("an answer is a mapping")
    if isinstance(item, Scenario):
        step = item.steps.get(step_id or "")
        if step is None:
            raise InvalidAnswer("no such step")
        if set(answer) != {"choice"} or step.choice(answer["choice"]) is None:
            raise InvalidAnswer("choose one of the choices")
        return {"choice": answer["choice"]}
    if isinstance(item, SingleChoice):
        if set(answer) != {"option"} or answer["option"] not in {o.id for o in item.options}:
            raise InvalidAnswer("choose one answer")
        return {"option": answer["option"]}
    if isinstance(item, MultipleChoice):
        chosen = answer.get("options")
        if set(answer) != {"options"} or not isinstance(chosen, list) or not chosen:
            raise InvalidAnswer("choose at least one answer")
        if not set(chosen) <= {o.id for o in item.options} or len(set(chosen)) != len(chosen):
            raise InvalidAnswer("unknown answer")
        return {"options": sorted(chosen)}
    if isinstance(item, TrueFalse):
        if set(answer) != {"value"} or not isinstance(answer["value"], bool):
            raise InvalidAnswer("choose true or false")
        return {"value": answer["value"]}
    if isinstance(item, Ordering):
        order = answer.get("order")
        if set(answer) != {"order"} or not isinstance(order, list) or sorted(order) != sorted(s.id for s in item.steps):
            raise InvalidAnswer("put every step in a place")
        return {"order": list(order)}
    if isinstance(item, Reflection):
        if answer:
            raise InvalidAnswer("a reflection is never sent")
        return {}
    raise InvalidAnswer("unknown kind of item")


def grade_answer(item, step_id: str | None, answer: dict) -> GradedAnswer:
    answer = normalise_answer(item, step_id, answer)
    if isinstance(item, Scenario):
        step = item.steps[step_id]
        choice = step.choice(answer["choice"])
        ending = item.endings.get(choice.next)
        return GradedAnswer(
            score=0,
            max_score=0,
            correct=None,
            feedback_html=choice.feedback_html,
            next_step=None if ending else choice.next,
            ending=ending,
        )
    if isinstance(item, Reflection):
        return GradedAnswer(score=0, max_score=0, correct=None, feedback_html="")
    if isinstance(item, SingleChoice):
        right = answer["option"] == item.answer
    elif isinstance(item, MultipleChoice):
        right = set(answer["options"]) == item.answers
    elif isinstance(item, TrueFalse):
        right = answer["value"] is item.answer
    else:
        right = answer["order"] == [s.id for s in item.steps]
    return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)


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
        return round(100 * self.score / self.max_score) if self.max_score else 0


def passes(score: int, max_score: int, pass_mark: float) -> bool:
    return max_score > 0 and score >= pass_mark * max_score - 1e-9


def grade_quiz(quiz: Quiz, responses: Iterable[tuple[str, str | None, dict]]) -> QuizResult:
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


def endings_reached(quiz: Quiz, responses: Iterable[tuple[str, str | None, dict]]) -> list[Ending]:
    """The endings the learner's scenario answers led to."""
    reached = []
    for item_id, step_id, answer in responses:
        item = quiz.item(item_id)
        if isinstance(item, Scenario) and step_id:
            ending = grade_answer(item, step_id, answer).ending
            if ending is not None:
                reached.append(ending)
    return reached
