"""Signing in, and signing up as a grown-up. Every limit comes from the model it fills."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from .credentials import TYPED_CODE_MAX
from .mail import mail_allowed
from .models import ADULT_NAME_MAX, ADULT_ROLES, EMAIL_MAX, School, User, max_length


class LoginForm(AuthenticationForm):
    """One sign-in form for every role: a student's generated username, or a grown-up's email.

    Students sign in with the passphrase on their login card, grown-ups with their password, so the
    label names both, and a wrong pair gets a plain message instead of Django's "may be case-sensitive".
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "We couldn’t sign you in with those details. Check your username or email and your password or "
            "passphrase, and try again. Students: both are on the login card from your teacher."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or email"
        self.fields["password"].label = "Password or passphrase"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})


class AdultSignupForm(forms.Form):
    name = forms.CharField(
        max_length=ADULT_NAME_MAX,
        label="Your name",
        help_text="As students or your child will see it, e.g. “Ms Rivera”.",
    )
    email = forms.EmailField(
        max_length=EMAIL_MAX, label="Email", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; a few words together work well.",
    )

    def clean_email(self) -> str:
        # Whether the address has an account is never said here (F12): the service decides quietly.
        email: str = self.cleaned_data["email"].lower()
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
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


class ParentSignupForm(AdultSignupForm):
    family_code = forms.CharField(
        required=False,
        max_length=TYPED_CODE_MAX,
        label="Family code (optional)",
        help_text="If your child has given you one, type it to link with them now. You can also do it later.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class StaffSignupForm(AdultSignupForm):
    CREATE, JOIN = "create", "join"
    school_choice = forms.ChoiceField(
        label="Your school",
        choices=[(CREATE, "Create a new school (you become its school admin)"), (JOIN, "Join my school with a code")],
        widget=forms.RadioSelect,
        initial=CREATE,
    )
    school_name = forms.CharField(max_length=max_length(School, "name"), required=False, label="New school’s name")
    staff_code = forms.CharField(
        max_length=TYPED_CODE_MAX,
        required=False,
        label="School code",
        help_text="Your school admin finds it on their school page.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        choice = cleaned.get("school_choice")
        if choice == self.CREATE and not cleaned.get("school_name", "").strip():
            self.add_error("school_name", "Type your school’s name, or choose to join your school with a code.")
        if choice == self.JOIN and not cleaned.get("staff_code", "").strip():
            self.add_error("staff_code", "Type the code from your school admin.")
        return cleaned


class NameForm(forms.Form):
    name = forms.CharField(
        max_length=ADULT_NAME_MAX, label="Your name", help_text=AdultSignupForm.base_fields["name"].help_text
    )


class EmailChangeForm(forms.Form):
    """A new address, and the current password: a borrowed session alone can't move the account."""

    email = forms.EmailField(
        max_length=EMAIL_MAX, label="New email", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    current_password = forms.CharField(
        label="Your password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_password(self) -> str:
        password: str = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class AdultPasswordResetForm(PasswordResetForm):
    """Django's reset form, for grown-ups only: students have no email, and their teacher resets them.

    Each account gets at most a few of these mails an hour (accounts.mail.mail_allowed).
    """

    def get_users(self, email: str) -> Any:
        for user in super().get_users(email):
            if isinstance(user, User) and user.role in ADULT_ROLES and mail_allowed(user):
                yield user
