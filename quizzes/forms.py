"""The answer form every kind's form builds on, and the pieces several kinds share.

A question page carries where the attempt stood (which attempt, and how many
stations it had answered) as plain hidden fields (:class:`PlaceForm`): the view
reads that attempt (the reader's own) and the service records the answer only
if the attempt still stands there. Each kind's own form (in
:mod:`quizzes.kinds`) holds its answer fields and ``to_answer()``.

Options are sent as their place on the page (1, 2, 3 …), never as their ids,
so an author's id ("safe-choice") cannot give an answer away.
"""

from __future__ import annotations

from typing import Any

from django import forms

Options = list[tuple[str, str]]  # (id, text) in the order the page shows them


class PlaceForm(forms.Form):
    """Where the question page stood when it was shown, and its one-time submission key."""

    quiz = forms.SlugField(widget=forms.HiddenInput)
    attempt = forms.UUIDField(widget=forms.HiddenInput)
    position = forms.IntegerField(widget=forms.HiddenInput, min_value=0)  # stations answered before this one
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)


class AnswerForm(forms.Form):
    """A kind's answer fields; ``to_answer()`` gives the answer as stored (ids, never places on the page)."""

    def to_answer(self) -> dict[str, Any]:
        return {}

    def rearranged(self) -> AnswerForm | None:
        """A POST that only rearranges the answer on the page (an ordering's "Move up" without
        JavaScript): the form to show again, in its new arrangement; None for an answer."""
        return None


def labelled(options: Options) -> list[tuple[str, str]]:
    """Choices for a field: each option's place on the page, with its text."""
    return [(str(place), text) for place, (_, text) in enumerate(options, start=1)]


def by_place(options: Options, value: str) -> str:
    """The id of the option at a place on the page."""
    return options[int(value) - 1][0]


class ChoiceForm(AnswerForm):
    """One choice among options (a story's step, a single-choice question)."""

    def __init__(self, *args: Any, options: Options, label: str, answer_key: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.answer_key = answer_key
        self.fields["choice"] = forms.ChoiceField(
            label=label,
            choices=labelled(options),
            widget=forms.RadioSelect,
            error_messages={"required": "Choose an answer to go on."},
        )

    def to_answer(self) -> dict[str, Any]:
        return {self.answer_key: by_place(self.options, self.cleaned_data["choice"])}
