"""Quizzes as frozen Python objects, built once per process from quiz.yaml files.

A quiz is a sequence of items. A learner moves through *stations*: one per
knowledge check or reflection, and one per scenario step they reach (which
steps depends on their choices). Answers are stored as small JSON values:

- scenario step: ``{"choice": "<choice id>"}``
- single: ``{"option": "<option id>"}``
- multiple: ``{"options": ["<id>", ...]}`` (sorted)
- true-false: ``{"value": true}``
- ordering: ``{"order": ["<id>", ...]}``
- reflection: ``{}`` (the text never leaves the browser)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str
    copies_image: bool = False


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    feedback_html: str
    next: str  # a step id or an ending id


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    prompt_html: str
    choices: tuple[Choice, ...]

    def choice(self, choice_id: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.id == choice_id), None)


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: str
    outcome: str  # "safe" | "risky"
    summary_html: str  # how the story ended
    next_steps_html: str  # what the character could do next

    @property
    def risky(self) -> bool:
        return self.outcome == "risky"


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    lesson_id: str | None
    title: str
    intro_html: str
    start: str
    steps: Mapping[str, Step]
    endings: Mapping[str, Ending]
    steps_to_end: Mapping[str, int]  # from each step, the most steps left (itself included)
    kind = "scenario"
    scored = False  # a story teaches; it is not an exam
    max_points = 0


@dataclass(frozen=True, slots=True)
class SingleChoice:
    id: str
    lesson_id: str | None
    prompt_html: str
    options: tuple[Option, ...]
    answer: str
    explanation_html: str
    kind = "single"
    scored = True
    max_points = 1


@dataclass(frozen=True, slots=True)
class MultipleChoice:
    id: str
    lesson_id: str | None
    prompt_html: str
    options: tuple[Option, ...]
    answers: frozenset[str]
    explanation_html: str
    kind = "multiple"
    scored = True
    max_points = 1


@dataclass(frozen=True, slots=True)
class TrueFalse:
    id: str
    lesson_id: str | None
    statement_html: str
    answer: bool
    explanation_html: str
    kind = "true-false"
    scored = True
    max_points = 1


@dataclass(frozen=True, slots=True)
class Ordering:
    id: str
    lesson_id: str | None
    prompt_html: str
    steps: tuple[Option, ...]  # the right order
    explanation_html: str
    kind = "ordering"
    scored = True
    max_points = 1


@dataclass(frozen=True, slots=True)
class Reflection:
    id: str
    lesson_id: str | None
    prompt_html: str
    kind = "reflection"
    scored = False
    max_points = 0


Item = Scenario | SingleChoice | MultipleChoice | TrueFalse | Ordering | Reflection


@dataclass(frozen=True, slots=True)
class Quiz:
    module_id: str
    title: str
    intro_html: str
    content_note: str | None
    pass_mark: float  # share of the knowledge checks
    items: tuple[Item, ...]
    content_hash: str

    @property
    def max_score(self) -> int:
        """The number of knowledge checks: only they are scored."""
        return sum(item.max_points for item in self.items)

    @property
    def scenario(self) -> Scenario | None:
        return next((item for item in self.items if isinstance(item, Scenario)), None)

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)

    def stations_left(self, item_index: int, step_id: str) -> int:
        """The most questions left from this place, this one included (for "question 3 of about 8")."""
        left = 0
        for index in range(item_index, len(self.items)):
            item = self.items[index]
            if isinstance(item, Scenario):
                left += item.steps_to_end[step_id if index == item_index and step_id else item.start]
            else:
                left += 1
        return left
