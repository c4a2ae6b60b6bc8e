"""Family codes a student makes, the links they give a parent, and a parent's weekly email."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts import credentials
from accounts.errors import Refused
from accounts.models import User

from ..models import FamilyCode, FamilyDigest, FamilyLink

FAMILY_CODE_DAYS = 7


@transaction.atomic
def family_code_create(*, student: User) -> FamilyCode:
    """A new one-time code; any earlier unused code of this student stops working."""
    FamilyCode.objects.filter(student=student).delete()
    expires = timezone.now() + datetime.timedelta(days=FAMILY_CODE_DAYS)
    return credentials.with_unique(
        credentials.readable_code,
        lambda code: FamilyCode.objects.create(student=student, code=code, expires_at=expires),
    )


WRONG_CODE = "That family code did not work. Codes last a week and work once: ask for a new one."


def family_code_refusal(*, code: str) -> str | None:
    """Why this family code would not link (parent sign-up asks before making the account); None if it would."""
    found = FamilyCode.objects.filter(code=credentials.normalise_code(code), expires_at__gt=timezone.now()).exists()
    return None if found else WRONG_CODE


@transaction.atomic
def family_link_create(*, parent: User, code: str) -> FamilyLink:
    family_code = (
        FamilyCode.objects.select_for_update()
        .filter(code=credentials.normalise_code(code), expires_at__gt=timezone.now())
        .select_related("student")
        .first()
    )
    if family_code is None:
        raise Refused(WRONG_CODE)
    student = family_code.student
    family_code.delete()
    link, _ = FamilyLink.objects.get_or_create(parent=parent, student=student)
    return link


@transaction.atomic
def family_link_revoke(*, link: FamilyLink) -> None:
    link.delete()


@transaction.atomic
def family_digest_subscribe(*, parent: User) -> FamilyDigest:
    """The parent asked for the weekly email; asking twice keeps the one subscription."""
    digest, _ = FamilyDigest.objects.get_or_create(parent=parent)
    return digest


@transaction.atomic
def family_digest_unsubscribe(*, parent: User) -> bool:
    """No more weekly email; False when there was none to stop (an unsubscribe link followed twice)."""
    deleted, _ = FamilyDigest.objects.filter(parent=parent).delete()
    return deleted > 0


@transaction.atomic
def family_digest_claim_week(*, digest: FamilyDigest, week: datetime.date) -> bool:
    """Mark this week's email as sent before sending it: True for the one run that may send it.

    Two runs at once, or a second run the same week, find the week already claimed and send nothing.
    """
    claimed = (
        FamilyDigest.objects.filter(pk=digest.pk)
        .filter(Q(last_week__isnull=True) | Q(last_week__lt=week))
        .update(last_week=week)
    )
    return claimed == 1


@transaction.atomic
def family_digest_release_week(*, digest: FamilyDigest, week: datetime.date, previous: datetime.date | None) -> None:
    """The mail server refused this week's email: the next run tries again."""
    FamilyDigest.objects.filter(pk=digest.pk, last_week=week).update(last_week=previous)
