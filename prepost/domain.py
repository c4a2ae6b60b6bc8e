"""A module's before-and-after check, as frozen objects built once per process."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The 1–5 scale every confidence statement is rated on, as a student reads it.
SCALE: tuple[tuple[int, str], ...] = (
    (1, "Not at all"),
    (2, "A little"),
    (3, "Fairly"),
    (4, "Quite sure"),
    (5, "Very sure"),
)


class Phase(StrEnum):
    BEFORE = "before"
    AFTER = "after"

    @property
    def label(self) -> str:
        return "Before" if self is Phase.BEFORE else "After"


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    lesson_id: str
    prompt: str
    options: tuple[Option, ...]
    answer: str


@dataclass(frozen=True, slots=True)
class Check:
    module_id: str
    statements: tuple[Statement, ...]
    questions: tuple[Question, ...]
    content_hash: str
