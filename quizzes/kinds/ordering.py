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
    """The steps as a list with Move up / Move down buttons; the answer is the list's order.

    Each step is sent as its place in the shuffled order the attempt first showed (1, 2, 3 …), never
    as its id. The list's order travels as hidden ``order`` fields, one per step, in the order shown:
    with JavaScript the buttons move the items in place (static/js/ordering.js); without it they are
    submit buttons whose ``move`` ("up:3") re-renders the page in the new order, recording nothing.
    """

    order = forms.MultipleChoiceField(
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": "Put the steps in order, then check your answer.",
            "invalid_choice": "Put every step in a place.",
        },
    )

    def __init__(self, *args: Any, options: Options, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.tokens = [str(n) for n in range(1, len(options) + 1)]
        field = self.fields["order"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(token, token) for token in self.tokens]
        self.arrangement = self._submitted() or list(self.tokens)  # the order the page shows
        self.moved: tuple[str, str] | None = None  # (token, "up" or "down"): the step a move POST moved
        self.status = ""  # what that move did, in words

    def _submitted(self) -> list[str] | None:
        """The order a POST sent, when it is one of the steps' orders."""
        if not self.is_bound:
            return None
        getlist = getattr(self.data, "getlist", None)
        sent = getlist("order") if getlist else self.data.get("order")
        sent = [str(token) for token in sent] if isinstance(sent, list) else []
        return sent if sorted(sent) == sorted(self.tokens) else None

    def clean_order(self) -> list[str]:
        order = [str(token) for token in self.cleaned_data["order"]]
        if len(order) != len(self.tokens) or sorted(order) != sorted(self.tokens):
            raise forms.ValidationError("Put every step in a place.", code="incomplete_order")
        return order

    def to_answer(self) -> Answer:
        return {"order": [self.options[int(token) - 1][0] for token in self.cleaned_data["order"]]}

    def rearranged(self) -> OrderingForm | None:
        move = self.data.get("move") if self.is_bound else None
        if not move:
            return None
        direction, _, token = str(move).partition(":")
        form = OrderingForm(options=self.options)
        form.arrangement = list(self.arrangement)
        if direction not in {"up", "down"} or token not in form.arrangement:
            return form
        text, place = self.options[int(token) - 1][1], form.arrangement.index(token)
        target = place - 1 if direction == "up" else place + 1
        form.moved = (token, direction)
        if 0 <= target < len(form.arrangement):
            form.arrangement[place], form.arrangement[target] = form.arrangement[target], token
            form.status = f"Moved “{text}” to position {target + 1} of {len(form.arrangement)}."
        else:
            form.status = f"“{text}” is already {'first' if direction == 'up' else 'last'}."
        return form

    @property
    def steps(self) -> list[dict[str, Any]]:
        """The steps in the order the page shows them, for the template."""
        last = len(self.arrangement) - 1
        return [
            {
                "token": token,
                "text": self.options[int(token) - 1][1],
                "first": place == 0,
                "last": place == last,
                "moved": self.moved[1] if self.moved and self.moved[0] == token else "",
            }
            for place, token in enumerate(self.arrangement)
        ]


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
