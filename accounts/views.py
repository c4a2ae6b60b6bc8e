"""Signing up as a grown-up, confirming the email, and signing out. Signing in is Django's LoginView (urls.py).

Sign-up answers every address the same way (security review F12): "check your email". A new
address gets a confirmation link; one that already has an account gets nothing new, and its
owner is emailed that someone tried. Nobody is signed in by signing up.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import mail, services, signup_hooks, throttle, tokens
from .errors import Refused
from .forms import ParentSignupForm, StaffSignupForm
from .models import User

logger = logging.getLogger(__name__)

# What this browser signed up with, so "send it again" knows where to (and whether it made the account).
SIGNUP_SESSION_KEY = "accounts_signup"


class LogoutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget this site's cache, cookies and storage.

    On a shared classroom computer the next pupil must not find the last one's
    pages in the back button or the cache (ASVS 14.3.1).
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


def _signed_up(request: HttpRequest, outcome: services.SignupOutcome) -> HttpResponse:
    """The same answer for every address: mail the right thing, then "check your email"."""
    mail.send_signup_mail(request, outcome.user, created=outcome.created)
    request.session[SIGNUP_SESSION_KEY] = {"user": outcome.user.pk, "created": outcome.created}
    return redirect("signup-check-email")


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_staff(request: HttpRequest) -> HttpResponseBase:
    form = StaffSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        creating = data["school_choice"] == StaffSignupForm.CREATE
        gate = throttle.Gate(request, throttle.Kind.WRONG_STAFF)  # school codes are limited like class codes (F1)
        if not creating and gate.wrong_codes_exhausted(form):
            return gate.respond(render(request, "accounts/signup_staff.html", {"form": form}, status=throttle.STATUS))
        try:
            outcome = services.staff_signup_request(
                email=data["email"],
                name=data["name"],
                password=data["password"],
                school_name=data["school_name"] if creating else "",
                staff_code="" if creating else data["staff_code"],
            )
        except services.WrongStaffCode as refusal:
            gate.failed()
            form.add_error(None, str(refusal))
            return gate.respond(render(request, "accounts/signup_staff.html", {"form": form}))
        except Refused as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as invalid:  # a limit the form did not catch, from the model's full_clean()
            form.add_error(None, invalid.messages)
        else:
            return _signed_up(request, outcome)
    return render(request, "accounts/signup_staff.html", {"form": form})


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_parent(request: HttpRequest) -> HttpResponseBase:
    """A parent signs up; a family code, if typed, is checked first and links them once the account is made.

    A wrong code re-renders the form with everything kept but the password, and counts as a wrong
    family code (the limit "My family" has). An address that already has an account links nothing.
    """
    form = ParentSignupForm(request.POST or None)
    page = "accounts/signup_parent.html"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        code = data.get("family_code", "").strip()
        codes = signup_hooks.family_codes() if code else None
        gate = throttle.Gate(request, throttle.Kind.WRONG_FAMILY)
        if codes is not None:
            if gate.wrong_codes_exhausted(form):
                return gate.respond(render(request, page, {"form": form}, status=throttle.STATUS))
            refusal = codes.check(code)
            if refusal is not None:
                gate.failed()
                form.add_error("family_code", refusal)
                return gate.respond(render(request, page, {"form": form}, status=400))
        try:
            outcome = services.parent_signup_request(email=data["email"], name=data["name"], password=data["password"])
        except Refused as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as invalid:  # a limit the form did not catch, from the model's full_clean()
            form.add_error(None, invalid.messages)
        else:
            if codes is not None and outcome.created:
                try:
                    codes.link(outcome.user, code)
                except Refused:  # used up by someone else in the moment between the check and the link
                    logger.info("family code at sign-up was used meanwhile: user %s", outcome.user.pk)
            return gate.respond(_signed_up(request, outcome))
    return render(request, page, {"form": form})


def _waiting_account(request: HttpRequest) -> tuple[User | None, bool]:
    """Whose confirmation "send it again" is for, and whether a link may go to them.

    A signed-in grown-up who has not confirmed gets their link. Otherwise the account this
    browser signed up with: a link only if this browser made it, else the note to its owner.
    """
    user = request.user
    if isinstance(user, User) and user.is_adult:
        return (None, False) if user.email_verified else (user, True)
    signup = request.session.get(SIGNUP_SESSION_KEY)
    if not isinstance(signup, dict):
        return None, False
    user_id = signup.get("user")
    found = User.objects.filter(pk=user_id).first() if isinstance(user_id, int) else None
    return found, bool(signup.get("created")) and found is not None and not found.email_verified


@never_cache
@require_http_methods(["GET", "HEAD"])
def check_email(request: HttpRequest) -> HttpResponse:
    user = request.user
    if isinstance(user, User) and user.is_adult and user.email_verified:
        return redirect(settings.LOGIN_REDIRECT_URL)
    account, _ = _waiting_account(request)
    return render(request, "accounts/check_email.html", {"waiting": account is not None})


@require_POST
def resend(request: HttpRequest) -> HttpResponse:
    account, link = _waiting_account(request)
    if account is None:
        messages.info(request, "Sign up first, or sign in: then we can send your link.")
        return redirect("signup-check-email")
    sent = mail.send_verification(request, account) if link else mail.send_signup_attempt(request, account)
    if sent:
        messages.success(request, "We sent it again. It can take a few minutes; look in your spam folder too.")
    else:
        messages.warning(
            request,
            "We couldn’t send it just now: either we have sent several emails to this address in the last hour "
            "(wait an hour), or the mail server did not answer (try again in a few minutes).",
        )
    return redirect("signup-check-email")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link shows a button, and the press confirms: a mail scanner opening the link changes nothing."""
    try:
        user = tokens.user_for_verify_token(token)
    except Refused as refusal:
        return render(request, "accounts/link_failed.html", {"reason": str(refusal)}, status=400)
    if request.method == "POST":
        try:
            services.email_confirm(user=user)
        except Refused as refusal:
            return render(request, "accounts/link_failed.html", {"reason": str(refusal)}, status=400)
        request.session.pop(SIGNUP_SESSION_KEY, None)
        if request.user.pk == user.pk:
            messages.success(request, "Your email is confirmed. Welcome to Pause.")
            return redirect(settings.LOGIN_REDIRECT_URL)
        messages.success(request, "Your email is confirmed. Sign in to start.")
        return redirect("login")
    return render(request, "accounts/verify_email.html", {"already": user.email_verified})
