"""The shape of ``content/modules/<module-id>/quiz.yaml``.

A quiz is a list of items, each of one kind: a branching **scenario** that
follows a character through choices, knowledge checks (**single**,
**multiple**, **true-false**, **ordering**) and **reflection** prompts. Each
kind's own keys are its schema, in its module in :mod:`quizzes.kinds`; this
module holds what they share and builds the file's model from the kinds that
are registered, so a kind registered later (a test's toy kind) is accepted.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Union

from pydantic import Field, create_model

from courses.schemas import Slug, Strict, Text, Versioned

Markdown = Annotated[Text, Field(description="Markdown.")]


class ItemSpec(Strict):
    """What every item has; a kind's schema adds ``kind: Literal["<its name>"]`` and its own keys."""

    id: Slug
    lesson: Slug | None = Field(default=None, description="The lesson this item checks; linked for review.")
    kind: str


class Option(Strict):
    id: Slug
    text: Text
    copies_image: bool | None = Field(
        default=None,
        description="True when the answer saves, screenshots, downloads, forwards, keeps or shows an image: "
        "it can never be right. False when its words only look like that.",
    )


class QuizFileBase(Versioned):
    """content/modules/<module-id>/quiz.yaml; ``items`` is added from the registered kinds."""

    title: Text
    intro: Markdown
    content_note: Text | None = Field(default=None, description="Shown before the quiz starts (abuse, threats).")
    pass_mark: Annotated[
        float, Field(strict=False, description="Share of the knowledge checks needed to pass, above 0 and at most 1.")
    ]
    items: Annotated[list[ItemSpec], Field(min_length=1)]  # narrowed to the registered kinds by quiz_file_model()


@functools.cache
def quiz_file_model(schemas: tuple[type[ItemSpec], ...]) -> type[QuizFileBase]:
    """The quiz file's model for these item schemas: ``items`` is a union told apart by ``kind``."""
    item: Any = schemas[0] if len(schemas) == 1 else Annotated[Union[schemas], Field(discriminator="kind")]  # noqa: UP007
    return create_model(
        "QuizFile",
        __base__=QuizFileBase,
        __doc__=QuizFileBase.__doc__,
        items=(Annotated[list[item], Field(min_length=1)], ...),
    )
