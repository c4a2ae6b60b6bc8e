"""The shape of ``content/modules/<module-id>/check.yaml``: a module's before-and-after check.

Three or four confidence statements a student rates from 1 (Not at all) to 5 (Very sure), and
three knowledge items, each one question with a single right answer taken from the module's own
lessons. The same check is asked before the first lesson and after the quiz.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from courses.schemas import Slug, Strict, Text, Versioned

CONFIDENCE_MIN, CONFIDENCE_MAX = 3, 4
KNOWLEDGE_ITEMS = 3


class StatementSpec(Strict):
    id: Slug
    text: Text = Field(description='A sentence a student rates, in the first person: "I know what to do if …".')


class OptionSpec(Strict):
    id: Slug
    text: Text


class KnowledgeSpec(Strict):
    id: Slug
    lesson: Slug = Field(description="The lesson that teaches the answer: no new facts in a check.")
    prompt: Text
    options: Annotated[list[OptionSpec], Field(min_length=2, max_length=4)]
    answer: Slug = Field(description="The id of the one right option.")


class CheckFile(Versioned):
    """content/modules/<module-id>/check.yaml"""

    confidence: list[StatementSpec] = Field(description="3 or 4 statements, each rated 1 (Not at all) to 5.")
    knowledge: list[KnowledgeSpec] = Field(description="Exactly 3 single-choice questions.")
