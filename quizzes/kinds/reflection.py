"""A reflection: a prompt to think about, with a private note that never leaves the browser.

Never scored and never sent: its answer is ``{}``, its page's text box has no
name, and its form refuses a submission carrying anything but the hidden fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from django import forms

from ..forms import AnswerForm, PlaceForm
from ..schemas import ItemSpec, Markdown
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, Source

# What a reflection's page sends: where it stood, and Django's CSRF token. Never the reader's words.
_EXPECTED = frozenset(PlaceForm.base_fields) | {"csrfmiddlewaretoken"}


@dataclass(frozen=True, slots=True)
class Reflection:
    id: str
    lesson_id: str | None
    prompt_html: str
    kind: ClassVar[str] = "reflection"
    scored: ClassVar[bool] = False
    max_points: ClassVar[int] = 0


class ReflectionSpec(ItemSpec):
    kind: Literal["reflection"]
    prompt: Markdown


class ReflectionForm(AnswerForm):
    """No fields: a submission carrying anything but the page's hidden fields is refused, so no text is ever taken."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.is_bound and set(self.data) - _EXPECTED:
            raise forms.ValidationError(
                "A reflection is private and is never sent, so nothing was recorded.", code="reflection_sent"
            )
        return cleaned


class ReflectionKind(Kind[ReflectionSpec, Reflection]):
    item_type = Reflection
    schema = ReflectionSpec
    template = "quizzes/kinds/reflection.html"
    has_feedback = False

    def build(self, source: Source, loc: Loc, spec: ReflectionSpec) -> Reflection:
        return Reflection(id=spec.id, lesson_id=spec.lesson, prompt_html=source.markdown((*loc, "prompt"), spec.prompt))

    def form(self, item: Reflection, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        return ReflectionForm(data=data)

    def normalise(self, item: Reflection, step_id: str | None, answer: Answer) -> Answer:
        if answer:
            raise InvalidAnswer("a reflection is never sent")
        return {}

    def grade(self, item: Reflection, step_id: str | None, answer: Answer) -> GradedAnswer:
        return GradedAnswer(score=0, max_score=0, correct=None, feedback_html="")

    def example_answer(self, item: Reflection, step_id: str | None, *, right: bool) -> Answer:
        return {}

    def describe(self, item: Reflection, step_id: str | None, answer: Answer) -> list[str]:
        return []


KIND = ReflectionKind()
