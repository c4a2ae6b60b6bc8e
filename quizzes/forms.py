"""One form per kind of question, built for the station being answered.

Options are sent as their place on the page (1, 2, 3 …), never as their ids,
so an author's id ("safe-choice") cannot give an answer away. The order on the
page is shuffled per attempt where the authored order would help (ordering
steps always; other options keep the author's order, which authors vary).
"""

from __future__ import annotations

import random

from django import forms

from .domain import MultipleChoice, Option, Ordering, Scenario, SingleChoice, TrueFalse


class AnswerForm(forms.Form):
    station = forms.CharField(widget=forms.HiddenInput)  # a signed stations.Station
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    quiz = forms.SlugField(widget=forms.HiddenInput)

    def to_answer(self) -> dict:
        return {}


def _labelled(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(str(place), text) for place, (_, text) in enumerate(options, start=1)]


def _by_place(options: list[tuple[str, str]], value: str) -> str:
    return options[int(value) - 1][0]


class ChoiceForm(AnswerForm):
    def __init__(self, *args, options: list[tuple[str, str]], label: str, answer_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        self.answer_key = answer_key
        self.fields["choice"] = forms.ChoiceField(
            label=label,
            choices=_labelled(options),
            widget=forms.RadioSelect,
            error_messages={"required": "Choose an answer to go on."},
        )

    def to_answer(self) -> dict:
        return {self.answer_key: _by_place(self.options, self.cleaned_data["choice"])}


class TrueFalseForm(AnswerForm):
    choice = forms.ChoiceField(
        label="True or false?",
        choices=[("true", "True"), ("false", "False")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose true or false."},
    )

    def to_answer(self) -> dict:
        return {"value": self.cleaned_data["choice"] == "true"}


class MultipleForm(AnswerForm):
    def __init__(self, *args, options: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields["choice"] = forms.MultipleChoiceField(
            label="Choose every answer that fits",
            choices=_labelled(options),
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose at least one answer."},
        )

    def to_answer(self) -> dict:
        return {"options": sorted(_by_place(self.options, value) for value in self.cleaned_data["choice"])}


class OrderingForm(AnswerForm):
    def __init__(self, *args, options: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        places = [("", "Choose a place")] + [(str(n), f"{n}") for n in range(1, len(options) + 1)]
        for place, (_, text) in enumerate(options, start=1):
            self.fields[f"place_{place}"] = forms.ChoiceField(
                label=text, choices=places, error_messages={"required": "Give this step a place."}
            )

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"place_{n}") for n in range(1, len(self.options) + 1)]
        if all(chosen) and len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Use each place once.", code="repeated_place")
        return cleaned

    def to_answer(self) -> dict:
        ranked = sorted(range(1, len(self.options) + 1), key=lambda n: int(self.cleaned_data[f"place_{n}"]))
        return {"order": [self.options[n - 1][0] for n in ranked]}


def shuffled_steps(item: Ordering, seed: str) -> list[Option]:
    """The steps in an order that is never the right one, the same on every request of an attempt."""
    steps = list(item.steps)
    random.Random(seed).shuffle(steps)  # noqa: S311 (presentation order, not security)
    if steps == list(item.steps):
        steps = steps[1:] + steps[:1]
    return steps


def answer_form(item, step_id: str | None, *, seed: str, data=None, initial=None) -> AnswerForm:
    """The form for ``item`` at ``step_id``; ``seed`` keeps the page order stable for an attempt."""
    kwargs = {"data": data, "initial": initial}
    if isinstance(item, Scenario):
        step = item.steps[step_id]
        options = [(c.id, c.text) for c in step.choices]
        return ChoiceForm(options=options, label="What should happen next?", answer_key="choice", **kwargs)
    if isinstance(item, SingleChoice):
        options = [(o.id, o.text) for o in item.options]
        return ChoiceForm(options=options, label="Choose one answer", answer_key="option", **kwargs)
    if isinstance(item, MultipleChoice):
        return MultipleForm(options=[(o.id, o.text) for o in item.options], **kwargs)
    if isinstance(item, TrueFalse):
        return TrueFalseForm(**kwargs)
    if isinstance(item, Ordering):
        return OrderingForm(options=[(s.id, s.text) for s in shuffled_steps(item, seed)], **kwargs)
    return AnswerForm(**kwargs)  # a reflection: nothing is sent
