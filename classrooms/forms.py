"""Forms for teachers, students and parents. Every limit comes from the model the text is stored in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.timezone import localdate

from accounts.credentials import TYPED_CODE_MAX
from accounts.models import User
from courses.registry import get_course

from .models import ANSWER_MAX, NICKNAME_MAX, QUESTION_MAX, Assignment, Classroom
from .nicknames import normalise_nickname
from .planning import assignment_warnings

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


def _age_band_choices() -> list[tuple[str, str]]:
    return [("", "Mixed ages, or not sure")] + [(band.id, band.label) for band in get_course().age_bands]


class ClassroomForm(forms.ModelForm):
    age_band = forms.ChoiceField(
        label="Age of the students",
        required=False,
        help_text="We suggest the modules written for this age, and warn if you set one for older students.",
    )

    class Meta:
        model = Classroom
        fields = ["name", "age_band"]
        labels = {"name": "Class name"}
        help_texts = {"name": "e.g. “Year 9 PSHE, Tuesday”."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = _age_band_choices()  # type: ignore[attr-defined]


class AgeBandForm(forms.ModelForm):
    age_band = forms.ChoiceField(label="Age of the students", required=False)

    class Meta:
        model = Classroom
        fields = ["age_band"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = _age_band_choices()  # type: ignore[attr-defined]


class ConfirmWarnings:
    """A form that warns before it acts: its ``clean()`` lists warnings, and until ``confirm`` is ticked
    they are an error (the form re-renders with everything typed kept, and the box to tick)."""

    confirm_label = "Yes, I have read the warnings: go ahead."
    warnings: list[str]

    def add_confirm(self, form: forms.BaseForm) -> None:
        form.fields["confirm"] = forms.BooleanField(
            required=False,
            label=self.confirm_label,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )
        self.warnings = []

    def warn(self, form: forms.BaseForm, warnings: list[str]) -> None:
        self.warnings = warnings
        if warnings and not form.cleaned_data.get("confirm"):
            form.add_error("confirm", "Please read the warnings above, then tick this box to go ahead.")


def roster_warnings(names: list[str], existing: list[str]) -> list[str]:
    """D20: names twice (in this list or already in the class), and what may be a surname. Warnings only."""
    warnings = []
    seen = {name.casefold() for name in existing}
    twice = []
    for name in names:
        if name.casefold() in seen and name not in twice:
            twice.append(name)
        seen.add(name.casefold())
    if twice:
        warnings.append(
            "More than one student would be called "
            + ", ".join(f"“{name}”" for name in twice)
            + ": add an initial or a number so you can tell them apart (e.g. “Amara B”)."
        )
    surnames = [name for name in names if len(name.split()) > 1 and all(w[:1].isupper() for w in name.split()[1:])]
    surnames = [name for name in surnames if len(name.split()[-1].strip(".")) > 1]
    if surnames:
        warnings.append(
            "These may include a surname: "
            + ", ".join(f"“{name}”" for name in surnames[:5])
            + ". Pause needs only a first name or a nickname."
        )
    return warnings


class RosterForm(ConfirmWarnings, forms.Form):
    confirm_label = "Add them as typed."
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

    def __init__(self, *args: Any, existing: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing or []
        self.add_confirm(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "names" in data:
            self.warn(self, roster_warnings(data["names"], self.existing))
        return data


class AssignmentForm(ConfirmWarnings, forms.ModelForm):
    module_id = forms.ChoiceField(label="Module")

    class Meta:
        model = Assignment
        fields = ["module_id", "due_on", "note"]
        labels = {"due_on": "Due date (optional)", "note": "Note for students (optional)"}
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, classroom: Classroom | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.band = get_course().age_band(classroom.age_band) if classroom else None
        self.fields["module_id"].choices = [(m.id, m.title) for m in get_course().modules]  # type: ignore[attr-defined]
        self.add_confirm(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        module = get_course().module(data.get("module_id") or "")
        if module is not None and not self.errors:
            picks = [(module, data.get("due_on"))]
            self.warn(self, [w.text for w in assignment_warnings(band=self.band, picks=picks, today=localdate())])
        return data


class AssignManyForm(ConfirmWarnings, forms.Form):
    """Several modules at once (or the whole course), each with its own due date (a week apart at first)."""

    modules = forms.MultipleChoiceField(
        label="Modules", widget=forms.CheckboxSelectMultiple, error_messages={"required": "Tick at least one module."}
    )

    def __init__(
        self, *args: Any, classroom: Classroom, initial_dates: dict[str, Any], ticked: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        course = get_course()
        self.band = course.age_band(classroom.age_band)
        self.course_modules = list(course.modules)
        self.fields["modules"].choices = [(m.id, m.title) for m in self.course_modules]  # type: ignore[attr-defined]
        self.fields["modules"].initial = ticked
        for module in self.course_modules:
            self.fields[f"due_{module.id}"] = forms.DateField(
                required=False,
                label=f"Due date for {module.title}",
                initial=initial_dates.get(module.id),
                widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}),
            )
        self.add_confirm(self)

    def rows(self) -> list[dict[str, Any]]:
        """One row a module, for the template: the module, its tick, its date field."""
        ticked = set(self["modules"].value() or [])
        return [
            {
                "module": module,
                "ticked": module.id in ticked,
                "due": self[f"due_{module.id}"],
                "older": self.band is not None and not self.band.suits(module),
            }
            for module in self.course_modules
        ]

    def picks(self) -> list[tuple[str, Any]]:
        """(module id, due date) for each ticked module (call after is_valid())."""
        return [(module_id, self.cleaned_data.get(f"due_{module_id}")) for module_id in self.cleaned_data["modules"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "modules" in data:
            course = get_course()
            picks = [(course.module(mid), data.get(f"due_{mid}")) for mid in data["modules"]]
            found = [(module, due) for module, due in picks if module is not None]
            self.warn(self, [w.text for w in assignment_warnings(band=self.band, picks=found, today=localdate())])
        return data


class LetterNoteForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["letter_note"]
        labels = {"letter_note": "A paragraph from the school (optional)"}
        help_texts = {
            "letter_note": "Plain text, printed on the letter as you type it: e.g. when the lessons are and "
            "who to contact with questions. Please don’t name any student."
        }
        widgets = {"letter_note": forms.Textarea(attrs={"rows": 5})}


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


class AskForm(forms.Form):
    """The question box: a question, or 'no question' (both look the same once sent)."""

    text = forms.CharField(
        max_length=QUESTION_MAX,
        label="Your question, or ‘no question’",
        help_text="Don’t write your name or anyone else’s. Up to 500 characters.",
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        error_messages={"required": "Please write a question, or ‘no question’."},
    )


class CheckForm(forms.Form):
    token = forms.CharField(
        max_length=40,
        label="Your token",
        help_text="The code you were shown when you sent your question, e.g. “ACDE-FGHJ-KMNP-QRTU”.",
        widget=forms.TextInput(attrs=CODE_WIDGET),
    )


class AnswerForm(forms.Form):
    shown_question = forms.CharField(
        max_length=QUESTION_MAX,
        label="The question as your class will see it",
        help_text="Change the wording if it could hint at who asked.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    answer = forms.CharField(
        max_length=ANSWER_MAX, label="Your answer to the whole class", widget=forms.Textarea(attrs={"rows": 4})
    )
