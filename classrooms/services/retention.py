"""What the retention policy (docs/privacy.md) says must go, run daily by ``manage.py purge_expired``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts import throttle
from accounts.models import User

from ..models import Classroom, FamilyCode
from .teaching import classroom_delete


@dataclass(frozen=True)
class Purged:
    classes: int
    students: int
    family_codes: int


def purge_expired(*, days: int, now: datetime.datetime | None = None) -> Purged:
    """Delete what the retention policy says must go:

    - classes archived more than ``days`` ago, with students in no other class;
    - students in no class at all who have not signed in for ``days``;
    - family codes past their expiry, and wrong-code counts past their window.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    classes = students = 0
    for classroom in Classroom.objects.filter(archived_at__lt=cutoff):
        students += classroom_delete(classroom=classroom)
        classes += 1
    idle = (
        User.objects.filter(role=User.Role.STUDENT, enrolments__isnull=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .values_list("pk", flat=True)
    )
    idle_ids = list(idle)
    User.objects.filter(pk__in=idle_ids).delete()
    codes, _ = FamilyCode.objects.filter(expires_at__lt=now).delete()
    throttle.forget_expired(now=now)
    return Purged(classes=classes, students=students + len(idle_ids), family_codes=codes)
