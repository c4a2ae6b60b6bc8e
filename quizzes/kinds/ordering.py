"""Ordering: "put these steps in order", shown shuffled. Answer: ``{"order": ["<step id>", ...]}``."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from django import forms
from pydantic import Field

from courses.errors import Code

from ..domain import Option
from ..forms import AnswerForm, Options
from ..schemas import ItemSpec, Markdown
from ..schemas import Option as OptionSpec
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, RightAnswer, Source, TallyOption, TallyPlace

RIGHT, OTHER = "right-order", "other-order"  # what a teacher's report counts


class OrderingSpec(ItemSpec):
    kind: Literal["ordering"]
    prompt: Markdown
    steps: list[OptionSpec] = Field(description="In the right order; shown shuffled.")
    explanation: Markdown


@dataclass(frozen=True, slots=True)
class Ordering:
    id: str
    lesson_id: str | None
    prompt_html: str
    steps: tuple[Option, ...]  # the right order
    explanation_html: str
    kind: ClassVar[str] = "ordering"
    scored: ClassVar[bool] = True
    max_points: ClassVar[int] = 1


class OrderingForm(AnswerForm):
    """One select per step, in the page's order, each asking for the step's place (1 = first)."""

    def __init__(self, *args: Any, options: Options, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        places = [("", "Choose a place")] + [(str(n), f"{n}") for n in range(1, len(options) + 1)]
        for place, (_, text) in enumerate(options, start=1):
            self.fields[f"place_{place}"] = forms.ChoiceField(
                label=text, choices=places, error_messages={"required": "Give this step a place."}
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [cleaned.get(f"place_{n}") for n in range(1, len(self.options) + 1)]
        if all(chosen) and len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Use each place once.", code="repeated_place")
        return cleaned

    def to_answer(self) -> Answer:
        ranked = sorted(range(1, len(self.options) + 1), key=lambda n: int(self.cleaned_data[f"place_{n}"]))
        return {"order": [self.options[n - 1][0] for n in ranked]}


def shuffled_steps(item: Ordering, seed: str) -> list[Option]:
    """The steps in an order that is never the right one, the same on every request of an attempt."""
    steps = list(item.steps)
    random.Random(seed).shuffle(steps)  # noqa: S311 (presentation order, not security)
    if steps == list(item.steps):
        steps = steps[1:] + steps[:1]
    return steps


class OrderingKind(Kind[OrderingSpec, Ordering]):
    item_type = Ordering
    schema = OrderingSpec
    template = "quizzes/kinds/ordering.html"

    def build(self, source: Source, loc: Loc, spec: OrderingSpec) -> Ordering:
        if len(spec.steps) < 3:
            source.problem((*loc, "steps"), "an ordering needs at least three steps", Code.ORDERING_TOO_SHORT)
        source.duplicates((*loc, "steps"), [s.id for s in spec.steps], "step")
        return Ordering(
            id=spec.id,
            lesson_id=spec.lesson,
            prompt_html=source.markdown((*loc, "prompt"), spec.prompt),
            steps=tuple(Option(s.id, s.text) for s in spec.steps),
            explanation_html=source.markdown((*loc, "explanation"), spec.explanation),
        )

    def form(self, item: Ordering, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        options = [(s.id, s.text) for s in shuffled_steps(item, seed)]
        return OrderingForm(data=data, options=options)

    def normalise(self, item: Ordering, step_id: str | None, answer: Answer) -> Answer:
        order = answer.get("order")
        if set(answer) != {"order"} or not isinstance(order, list) or sorted(order) != sorted(s.id for s in item.steps):
            raise InvalidAnswer("put every step in a place")
        return {"order": list(order)}

    def grade(self, item: Ordering, step_id: str | None, answer: Answer) -> GradedAnswer:
        right = answer["order"] == [s.id for s in item.steps]
        return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)

    def example_answer(self, item: Ordering, step_id: str | None, *, right: bool) -> Answer:
        order = [s.id for s in item.steps]
        return {"order": order if right else list(reversed(order))}

    def describe(self, item: Ordering, step_id: str | None, answer: Answer) -> list[str]:
        texts = {s.id: s.text for s in item.steps}
        return [texts[step] for step in answer["order"] if step in texts]

    def right_answer(self, item: Ordering) -> RightAnswer:
        return RightAnswer("The right order:", tuple(s.text for s in item.steps), ordered=True)

    def tally(self, item: Ordering) -> list[TallyPlace]:
        options = (TallyOption(RIGHT, "Put them in the right order", True), TallyOption(OTHER, "Another order", False))
        return [TallyPlace("", item.prompt_html, options)]

    def tally_keys(self, item: Ordering, answer: Answer, correct: bool | None) -> list[str]:
        return ([RIGHT] if correct else [OTHER]) if "order" in answer else []


KIND = OrderingKind()
