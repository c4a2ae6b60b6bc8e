"""The emails accounts sends a grown-up: confirm your address, someone tried to sign up, confirm a new address.

Each is plain text, from DEFAULT_FROM_EMAIL, to the one person it is about. At most
MAILS_PER_HOUR of them go to one account in an hour, whoever asks (a sign-up with their
address, "send it again", a password reset), so the site can't be used to flood an inbox.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens
from .models import User

logger = logging.getLogger(__name__)

MAILS_PER_HOUR = 5
HOUR = 60 * 60


def mail_allowed(user: User) -> bool:
    """Count one mail to this account; False once it has had MAILS_PER_HOUR this hour."""
    key = f"accounts:mails:{user.pk}:{user.date_joined.timestamp():.6f}"  # a reused id starts afresh
    cache.add(key, 0, timeout=HOUR)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=HOUR)
        sent = 1
    if sent > MAILS_PER_HOUR:
        logger.warning("account mail throttled: user %s", user.pk)
        return False
    return True


def _send(request: HttpRequest, *, to: str, subject: str, template: str, context: dict[str, object]) -> bool:
    """Send one mail; False (and an error in the log) when the mail server could not take it.

    The page that asked still answers normally: the account is made, and "Send it again" retries.
    """
    body = render_to_string(template, {"site": request.build_absolute_uri("/"), **context})
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except (OSError, smtplib.SMTPException) as failure:  # refused, unreachable, timed out
        logger.error("account mail not sent: %s (%s)", template.rsplit("/", 1)[-1], type(failure).__name__)
        return False
    return True


def send_verification(request: HttpRequest, user: User) -> bool:
    if not mail_allowed(user):
        return False
    link = request.build_absolute_uri(reverse("verify-email", args=[tokens.verify_token(user)]))
    return _send(
        request,
        to=user.email,
        subject="Confirm your email for Pause",
        template="accounts/email/verify.txt",
        context={"user": user, "link": link, "days": tokens.VERIFY_MAX_AGE.days},
    )


def send_signup_attempt(request: HttpRequest, user: User) -> bool:
    """Someone signed up with an address that already has an account: tell its owner, not the form."""
    if not mail_allowed(user):
        return False
    return _send(
        request,
        to=user.email,
        subject="Someone tried to sign up to Pause with your email",
        template="accounts/email/signup_attempt.txt",
        context={
            "user": user,
            "login": request.build_absolute_uri(reverse("login")),
            "reset": request.build_absolute_uri(reverse("password-reset")),
        },
    )


def send_email_change(request: HttpRequest, user: User, new_email: str) -> bool:
    if not mail_allowed(user):
        return False
    link = request.build_absolute_uri(reverse("email-change-confirm", args=[tokens.change_token(user, new_email)]))
    return _send(
        request,
        to=new_email,
        subject="Confirm your new email for Pause",
        template="accounts/email/change.txt",
        context={"user": user, "link": link, "hours": int(tokens.CHANGE_MAX_AGE.total_seconds() // HOUR)},
    )


def send_signup_mail(request: HttpRequest, user: User, *, created: bool) -> bool:
    """After a sign-up: a confirmation link for a new account, a note to the owner of an existing one.

    An existing account that was never confirmed gets the note too, never a link: the link would
    confirm whoever made that account, with their password, and it may not be this person.
    """
    if created:
        return send_verification(request, user)
    return send_signup_attempt(request, user)
