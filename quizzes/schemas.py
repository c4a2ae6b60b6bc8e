"""The shape of ``content/modules/<module-id>/quiz.yaml``.

A quiz is a list of items: one branching **scenario** that follows a character
through choices, and knowledge checks (**single**, **multiple**,
**true-false**, **ordering**) and **reflection** prompts. The story teaches
and is never scored; the knowledge checks carry the score. Structure is
checked here; the soundness of each scenario's graph (targets exist, every
step reachable, every path ends, no loop, a safe ending still reachable from
every step) is proved in ``validation.py`` so every problem can be reported
with its line.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from courses.schemas import Slug, Strict, Text, Versioned

Markdown = Annotated[Text, Field(description="Markdown.")]


class Choice(Strict):
    id: Slug
    text: Text
    feedback: Markdown = Field(description="Why this is, or is not, a safe choice. Never blame the person pressured.")
    next: Slug = Field(description="The id of the next step, or of an ending. A story's choices carry no points.")


class Step(Strict):
    id: Slug
    prompt: Markdown
    choices: Annotated[list[Choice], Field(min_length=2, max_length=6)]


class Ending(Strict):
    id: Slug
    title: Text
    outcome: Literal["safe", "risky"] = Field(
        description="After a risky ending the reader is shown their help services."
    )
    summary: Markdown = Field(description="How the story ended.")
    next_steps: Markdown = Field(description="What the character could do next.")


class _Item(Strict):
    id: Slug
    lesson: Slug | None = Field(default=None, description="The lesson this item checks; linked for review.")


class ScenarioItem(_Item):
    kind: Literal["scenario"]
    title: Text
    intro: Markdown | None = None
    start: Slug
    steps: Annotated[list[Step], Field(min_length=1)]
    endings: Annotated[list[Ending], Field(min_length=1)]


class Option(Strict):
    id: Slug
    text: Text
    copies_image: bool | None = Field(
        default=None,
        description="True when the answer saves, screenshots, downloads, forwards, keeps or shows an image: "
        "it can never be right. False when its words only look like that.",
    )


class SingleItem(_Item):
    kind: Literal["single"]
    prompt: Markdown
    options: Annotated[list[Option], Field(min_length=2, max_length=6)]
    answer: Slug
    explanation: Markdown


class MultipleItem(_Item):
    kind: Literal["multiple"]
    prompt: Markdown
    options: Annotated[list[Option], Field(min_length=3, max_length=8)]
    answers: Annotated[list[Slug], Field(min_length=1)]
    explanation: Markdown


class TrueFalseItem(_Item):
    kind: Literal["true-false"]
    statement: Markdown
    answer: bool
    explanation: Markdown


class OrderingItem(_Item):
    kind: Literal["ordering"]
    prompt: Markdown
    steps: Annotated[list[Option], Field(description="In the right order; shown shuffled.")]
    explanation: Markdown


class ReflectionItem(_Item):
    kind: Literal["reflection"]
    prompt: Markdown


KNOWLEDGE_CHECKS = (SingleItem, MultipleItem, TrueFalseItem, OrderingItem)

Item = Annotated[
    ScenarioItem | SingleItem | MultipleItem | TrueFalseItem | OrderingItem | ReflectionItem,
    Field(discriminator="kind"),
]


class QuizFile(Versioned):
    """content/modules/<module-id>/quiz.yaml"""

    title: Text
    intro: Markdown
    content_note: Text | None = Field(default=None, description="Shown before the quiz starts (abuse, threats).")
    pass_mark: Annotated[
        float, Field(strict=False, description="Share of the knowledge checks needed to pass, above 0 and at most 1.")
    ]
    items: Annotated[list[Item], Field(min_length=1)]
