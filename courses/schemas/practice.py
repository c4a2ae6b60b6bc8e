"""A practice check: a ```check block in a lesson's Markdown (courses/practice.py).

The shapes are the quiz's knowledge checks (single choice, true or false), with feedback on every
answer instead of a score: a check is practice, answered in place, never stored or scored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Slug, Strict, Text


class CheckOption(Strict):
    id: Slug
    text: Text
    feedback: Text = Field(description="Why this answer is right, or why not: taught from the lesson's own text.")
    copies_image: bool | None = Field(
        default=None,
        description="True when the answer saves, screenshots, downloads, forwards, keeps or shows an image: "
        "it can never be right. False when its words only look like that.",
    )


class SingleCheck(Strict):
    """One right answer among two to four."""

    id: Slug
    kind: Literal["single"]
    prompt: Text
    options: Annotated[list[CheckOption], Field(min_length=2, max_length=4)]
    answer: Slug


class TrueFalseCheck(Strict):
    """A statement that is true or false, with feedback for each answer."""

    id: Slug
    kind: Literal["true-false"]
    statement: Text
    answer: bool
    if_true: Text = Field(description="Feedback for a reader who answers True.")
    if_false: Text = Field(description="Feedback for a reader who answers False.")


PracticeCheckSpec = Annotated[SingleCheck | TrueFalseCheck, Field(discriminator="kind")]
