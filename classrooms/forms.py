"""Forms for teachers, students and parents. Every limit comes from the model the text is stored in."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.credentials import TYPED_CODE_MAX
from accounts.models import User
from courses.registry import get_course

from .models import NICKNAME_MAX, Assignment, Classroom
from .nicknames import normalise_nickname

NICKNAME_HELP = "Please type a first name or a nickname, with at least one letter or number."


def _nickname(value: str) -> str:
    cleaned = normalise_nickname(value)
    if cleaned is None:
        raise forms.ValidationError(NICKNAME_HELP)
    return cleaned


ROSTER_MAX = 60
CODE_WIDGET = {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}


class JoinForm(forms.Form):
    code = forms.CharField(
        max_length=TYPED_CODE_MAX,
        label="Class code",
        help_text="Your teacher gives you this code. It looks like “ACDE-FGHJ”.",
        widget=forms.TextInput(attrs=CODE_WIDGET),
    )
    nickname = forms.CharField(
        max_length=NICKNAME_MAX,
        label="Your first name or a nickname",
        help_text="Just what your teacher will know you by. No surname, please.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_nickname(self) -> str:
        return _nickname(self.cleaned_data["nickname"])


class RenameForm(forms.Form):
    MAX = NICKNAME_MAX
    nickname = forms.CharField(max_length=NICKNAME_MAX, label="First name or nickname")

    def clean_nickname(self) -> str:
        return _nickname(self.cleaned_data["nickname"])


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}
        help_texts = {"name": "e.g. “Year 9 PSHE, Tuesday”."}


class RosterForm(forms.Form):
    names = forms.CharField(
        label="Students’ first names or nicknames, one per line",
        widget=forms.Textarea(attrs={"rows": 10, "autocomplete": "off"}),
        help_text=f"Up to {ROSTER_MAX} at a time. First names only: no surnames or other details.",
    )

    def clean_names(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["names"].splitlines()]
        lines = [line for line in lines if line]
        unreadable = [line for line in lines if normalise_nickname(line) is None]
        if unreadable:
            raise forms.ValidationError(f"Each name needs at least one letter or number (line “{unreadable[0][:20]}”).")
        names = lines
        if not names:
            raise forms.ValidationError("Type at least one name.")
        if len(names) > ROSTER_MAX:
            raise forms.ValidationError(f"That is {len(names)} names; add up to {ROSTER_MAX} at a time.")
        too_long = [name for name in names if len(name) > NICKNAME_MAX]
        if too_long:
            raise forms.ValidationError(f"Keep each name under {NICKNAME_MAX} characters (“{too_long[0][:20]}…”).")
        return names


class AssignmentForm(forms.ModelForm):
    module_id = forms.ChoiceField(label="Module")

    class Meta:
        model = Assignment
        fields = ["module_id", "due_on", "note"]
        labels = {"due_on": "Due date (optional)", "note": "Note for students (optional)"}
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["module_id"].choices = [(m.id, m.title) for m in get_course().modules]  # type: ignore[attr-defined]


class FamilyLinkForm(forms.Form):
    code = forms.CharField(
        max_length=TYPED_CODE_MAX,
        label="Family code",
        help_text="Your child makes it on their “My classes” page.",
        widget=forms.TextInput(attrs=CODE_WIDGET),
    )


class ConfirmDeleteForm(forms.Form):
    confirm = forms.BooleanField(label="Yes, delete it for good. This cannot be undone.")


class ReissueForm(forms.Form):
    """Which students get new passphrases: ticked boxes (every student ticked at first) and a confirmation."""

    students = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        label="Students who get a new card",
        error_messages={"required": "Tick at least one student."},
    )
    confirm = forms.BooleanField(
        label="Yes: their old passphrases stop working and they are signed out.",
        error_messages={"required": "Tick this box to confirm."},
    )

    def __init__(self, *args: Any, students: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["students"]
        field.choices = students  # type: ignore[attr-defined]
        field.initial = [pk for pk, _ in students]


class HandOverForm(forms.Form):
    """Which active teacher of the school gets a class (or all of one teacher's classes)."""

    to = forms.TypedChoiceField(coerce=int, label="Hand to", error_messages={"required": "Choose a teacher."})

    def __init__(self, *args: Any, staff: list[User], current: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.staff = {person.pk: person for person in staff if person.pk != current.pk}
        self.fields["to"].choices = [("", "Choose a teacher")] + [  # type: ignore[attr-defined]
            (pk, person.first_name) for pk, person in self.staff.items()
        ]

    def teacher(self) -> User:
        """The teacher chosen (call after is_valid())."""
        return self.staff[self.cleaned_data["to"]]
