"""Family codes a student makes, and the links they give a parent."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from accounts import credentials
from accounts.errors import Refused
from accounts.models import User

from ..models import FamilyCode, FamilyLink

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


@transaction.atomic
def family_link_create(*, parent: User, code: str) -> FamilyLink:
    family_code = (
        FamilyCode.objects.select_for_update()
        .filter(code=credentials.normalise_code(code), expires_at__gt=timezone.now())
        .select_related("student")
        .first()
    )
    if family_code is None:
        raise Refused("That family code did not work. Codes last a week and work once: ask for a new one.")
    student = family_code.student
    family_code.delete()
    link, _ = FamilyLink.objects.get_or_create(parent=parent, student=student)
    return link


@transaction.atomic
def family_link_revoke(*, link: FamilyLink) -> None:
    link.delete()
