"""Forms for staff, students and parents. Every text a person types is limited in length and shown escaped."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation

from courses.registry import get_course

from .services import NICKNAME_MAX

User = get_user_model()
ROSTER_MAX = 60


class AdultSignupForm(forms.Form):
    name = forms.CharField(
        max_length=60, label="Your name", help_text="As students or your child will see it, e.g. “Ms Rivera”."
    )
    email = forms.EmailField(label="Email", widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; a few words together work well.",
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(username__iexact=email).exists():
            raise forms.ValidationError("An account with that email already exists. Sign in instead.")
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            probe = User(
                username=cleaned.get("email", ""), email=cleaned.get("email", ""), first_name=cleaned.get("name", "")
            )
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class StaffSignupForm(AdultSignupForm):
    CREATE, JOIN = "create", "join"
    school_choice = forms.ChoiceField(
        label="Your school",
        choices=[(CREATE, "Create a new school (you become its school admin)"), (JOIN, "Join my school with a code")],
        widget=forms.RadioSelect,
        initial=CREATE,
    )
    school_name = forms.CharField(max_length=120, required=False, label="New school’s name")
    staff_code = forms.CharField(
        max_length=20, required=False, label="School code", help_text="Your school admin finds it on their school page."
    )

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("school_choice")
        if choice == self.CREATE and not cleaned.get("school_name", "").strip():
            self.add_error("school_name", "Type your school’s name, or choose to join your school with a code.")
        if choice == self.JOIN and not cleaned.get("staff_code", "").strip():
            self.add_error("staff_code", "Type the code from your school admin.")
        return cleaned


class JoinForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        label="Class code",
        help_text="Your teacher will tell you it, e.g. “ACDE-FGHJ”.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    nickname = forms.CharField(
        max_length=NICKNAME_MAX,
        label="Your first name or a nickname",
        help_text="Just what your teacher will know you by. No surname, please.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class RenameForm(forms.Form):
    nickname = forms.CharField(max_length=NICKNAME_MAX, label="First name or nickname")


class ClassroomForm(forms.Form):
    name = forms.CharField(max_length=80, label="Class name", help_text="e.g. “Year 9 PSHE, Tuesday”.")


class RosterForm(forms.Form):
    names = forms.CharField(
        label="Students’ first names or nicknames, one per line",
        widget=forms.Textarea(attrs={"rows": 10, "autocomplete": "off"}),
        help_text=f"Up to {ROSTER_MAX} at a time. First names only: no surnames or other details.",
    )

    def clean_names(self):
        names = [" ".join(line.split()) for line in self.cleaned_data["names"].splitlines()]
        names = [name for name in names if name]
        if not names:
            raise forms.ValidationError("Type at least one name.")
        if len(names) > ROSTER_MAX:
            raise forms.ValidationError(f"That is {len(names)} names; add up to {ROSTER_MAX} at a time.")
        too_long = [name for name in names if len(name) > NICKNAME_MAX]
        if too_long:
            raise forms.ValidationError(f"Keep each name under {NICKNAME_MAX} characters (“{too_long[0][:20]}…”).")
        return names


class AssignmentForm(forms.Form):
    module_id = forms.ChoiceField(label="Module")
    due_on = forms.DateField(
        required=False, label="Due date (optional)", widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        max_length=300,
        required=False,
        label="Note for students (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module_id"].choices = [(m.id, m.title) for m in get_course().modules]


class FamilyLinkForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        label="Family code",
        help_text="Your child makes it on their “My classes” page.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class ConfirmDeleteForm(forms.Form):
    confirm = forms.BooleanField(label="Yes, delete it for good. This cannot be undone.")
