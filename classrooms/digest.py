"""The weekly family email: what "This week" on /family/ shows, sent to parents who asked for it.

It carries exactly the "This week" cards of ``selectors.families`` (the linked children's work set
and due dates, and each module's family card), so it never holds anything a child has not shared.
``manage.py send_family_digest`` sends it (docs/deploy.md: a cron line or a systemd timer); each
subscription records the week it was sent, so a replay in the same week sends nothing.

Every email has a one-click unsubscribe link, signed with the site's secret key (salted, so no other
signed value fits it), that works without signing in: a GET shows a button, a POST unsubscribes, and
mail programs may POST to it directly (RFC 8058's ``List-Unsubscribe-Post``).
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from courses.registry import get_course

from .models import FamilyDigest
from .selectors.families import ChildSummary, family_children
from .services import families as services

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "classrooms.family-digest.unsubscribe"
SUBJECT = "This week on Pause"


def week_of(day: datetime.date) -> datetime.date:
    """The Monday that starts ``day``'s week: the unit a digest is sent once in."""
    return day - datetime.timedelta(days=day.weekday())


def unsubscribe_token(parent: User) -> str:
    # The account's join time too: a deleted account's id, reused, is not unsubscribed by an old link.
    return signing.dumps([parent.pk, f"{parent.date_joined.timestamp():.6f}"], salt=UNSUBSCRIBE_SALT, compress=True)


def parent_for_token(token: str) -> User | None:
    """The parent an unsubscribe link is for; None when that account is gone. Raises BadSignature if tampered."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise signing.BadSignature("not an unsubscribe token")
    parent = User.objects.filter(pk=value[0], role=User.Role.PARENT).first()
    if parent is None or f"{parent.date_joined.timestamp():.6f}" != value[1]:
        return None
    return parent


@dataclass(frozen=True, slots=True)
class Outcome:
    sent: int = 0
    already: int = 0  # this week's email had gone already
    nothing: int = 0  # no linked child has anything set this week
    failed: int = 0


def message_for(parent: User, children: list[ChildSummary], *, site: str) -> EmailMultiAlternatives:
    site = site.rstrip("/")
    unsubscribe = site + reverse("classrooms:family-unsubscribe", args=[unsubscribe_token(parent)])
    context = {
        "parent": parent,
        "children": children,
        "course": get_course(),
        "site": site,
        "family_url": site + reverse("classrooms:family"),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=SUBJECT,
        body=render_to_string("classrooms/email/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[parent.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("classrooms/email/digest.html", context), "text/html")
    return message


def send_week(*, site: str, today: datetime.date | None = None) -> Outcome:
    """This week's email to every confirmed parent who asked for it and has something set this week."""
    week = week_of(today or timezone.localdate())
    sent = already = nothing = failed = 0
    subscriptions = FamilyDigest.objects.filter(
        parent__is_active=True, parent__role=User.Role.PARENT, parent__email_verified_at__isnull=False
    ).select_related("parent")
    connection = get_connection()  # opened by the first email, so a mail server that is down counts as failed
    try:
        for digest in subscriptions.order_by("pk"):
            if digest.last_week is not None and digest.last_week >= week:
                already += 1
                continue
            children = [child for child in family_children(parent=digest.parent) if child.this_week]
            if not children:
                nothing += 1
                continue
            previous = digest.last_week
            if not services.family_digest_claim_week(digest=digest, week=week):
                already += 1
                continue
            try:
                connection.open()
                connection.send_messages([message_for(digest.parent, children, site=site)])
            except (OSError, smtplib.SMTPException) as failure:
                logger.error("family digest not sent: parent %s (%s)", digest.parent_id, type(failure).__name__)
                services.family_digest_release_week(digest=digest, week=week, previous=previous)
                failed += 1
            else:
                sent += 1
    finally:
        connection.close()
    return Outcome(sent=sent, already=already, nothing=nothing, failed=failed)
