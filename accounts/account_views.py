"""A grown-up's own account: name, email and password, and a forgotten password reset by email.

Students have none of this: they have no email, and their teacher gives them a new passphrase.
"""

from __future__ import annotations

import logging
from typing import Any

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core.hooks import account_page_links

from . import mail, services, tokens
from .decorators import AuthenticatedRequest, adult_required
from .errors import Refused
from .forms import AdultPasswordResetForm, EmailChangeForm, NameForm

logger = logging.getLogger(__name__)


def _settings_page(request: AuthenticatedRequest, name_form: NameForm, email_form: EmailChangeForm) -> HttpResponse:
    status = 400 if name_form.errors or email_form.errors else 200
    context = {"name_form": name_form, "email_form": email_form, "more_links": account_page_links(request)}
    return render(request, "accounts/settings.html", context, status=status)


@adult_required
@never_cache
@sensitive_post_parameters("current_password")
@require_http_methods(["GET", "HEAD", "POST"])
def account_settings(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None
    name_form = NameForm(request.POST if action == "name" else None, initial={"name": user.first_name}, prefix="n")
    email_form = EmailChangeForm(request.POST if action == "email" else None, user=user, prefix="e")
    if action == "name" and name_form.is_valid():
        try:
            services.name_change(user=user, name=name_form.cleaned_data["name"])
        except ValidationError as invalid:
            name_form.add_error("name", invalid.messages)
        else:
            messages.success(request, "Your name is changed.")
            return redirect("account-settings")
    if action == "email" and email_form.is_valid():
        try:
            new_email = services.email_change_check(user=user, new_email=email_form.cleaned_data["email"])
        except (Refused, ValidationError) as refused:
            email_form.add_error("email", str(refused) if isinstance(refused, Refused) else refused.messages)
        else:
            if mail.send_email_change(request, user, new_email):
                messages.success(
                    request, f"We sent a link to {new_email}. Your email changes when you open it and confirm."
                )
            else:
                messages.warning(
                    request,
                    "We couldn’t send the link just now: either we have sent several emails for this account in "
                    "the last hour, or the mail server did not answer. Try again later.",
                )
            return redirect("account-settings")
    return _settings_page(request, name_form, email_form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def email_change_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent to a new address: a button, and the press moves the account to it."""
    try:
        user, new_email = tokens.change_for_token(token)
    except Refused as refusal:
        return render(request, "accounts/link_failed.html", {"reason": str(refusal)}, status=400)
    if request.method == "POST":
        try:
            services.email_change(user=user, new_email=new_email)
        except (Refused, ValidationError) as refusal:
            reason = str(refusal) if isinstance(refusal, Refused) else " ".join(refusal.messages)
            return render(request, "accounts/link_failed.html", {"reason": reason}, status=400)
        messages.success(request, "Your email is changed: sign in with the new one from now on.")
        return redirect("account-settings" if request.user.pk == user.pk else "login")
    return render(request, "accounts/email_change_confirm.html", {"new_email": new_email})


@method_decorator(adult_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's: it checks the old password and keeps this session signed in (update_session_auth_hash)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account-settings")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Your password is changed. Other devices are signed out.")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Grown-ups only; the same answer whether or not the address has an account."""

    form_class = AdultPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The emailed link: a new password, and any sign-in lock on this username is lifted."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        axes_reset(username=form.user.username)  # the owner proved the address: the lock has done its job
        logger.info("password reset: user %s, sign-in lock cleared", form.user.pk)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
