"""Quizzes as frozen Python objects, built once per process from quiz.yaml files.

A quiz is a sequence of items. Each item is of one *kind* (scenario, single
choice, …); everything a kind does lives in its own module in
:mod:`quizzes.kinds`, including its item class. This module holds what every
kind shares: the :class:`Item` protocol, options, endings and the quiz itself.

A learner moves through *stations*: one per knowledge check or reflection,
and one per scenario step they reach (which steps depends on their choices).
Answers are stored as small JSON values whose shape each kind defines; a
reflection's is ``{}`` (its text never leaves the browser).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol


class Item(Protocol):
    """What every kind's item has; the rest is the kind's own (see quizzes.kinds)."""

    @property
    def id(self) -> str: ...

    @property
    def lesson_id(self) -> str | None: ...

    @property
    def kind(self) -> str: ...  # the YAML `kind:` value, e.g. "true-false"

    @property
    def scored(self) -> bool: ...  # a knowledge check; a story and a reflection are not marked

    @property
    def max_points(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str
    copies_image: bool = False


@dataclass(frozen=True, slots=True)
class Ending:
    """Where a story can end; an answer that leads here says so in its grading."""

    id: str
    title: str
    outcome: Literal["safe", "risky"]
    summary_html: str  # how the story ended
    next_steps_html: str  # what the character could do next

    @property
    def risky(self) -> bool:
        return self.outcome == "risky"


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

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)
