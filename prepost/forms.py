"""The check as a plain form: a 1–5 scale per statement and one choice per question. No free text."""

from __future__ import annotations

from typing import Any

from django import forms

from .domain import SCALE, Check


class CheckForm(forms.Form):
    def __init__(self, *args: Any, check: Check, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.check = check
        for statement in check.statements:
            self.fields[f"rate-{statement.id}"] = forms.TypedChoiceField(
                label=statement.text,
                choices=[(value, f"{value} {label}") for value, label in SCALE],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose a number from 1 to 5 for this sentence."},
            )
        for question in check.questions:
            self.fields[f"ask-{question.id}"] = forms.ChoiceField(
                label=question.prompt,
                choices=[(option.id, option.text) for option in question.options],
                widget=forms.RadioSelect,
                error_messages={"required": "Choose one answer (a guess is fine)."},
            )

    def statement_fields(self) -> list[forms.BoundField]:
        return [self[f"rate-{statement.id}"] for statement in self.check.statements]

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"ask-{question.id}"] for question in self.check.questions]

    def ratings(self) -> list[int]:
        return [self.cleaned_data[f"rate-{statement.id}"] for statement in self.check.statements]

    def choices(self) -> list[str]:
        return [self.cleaned_data[f"ask-{question.id}"] for question in self.check.questions]
