"""What the retention policy (docs/privacy.md) says must go, run daily by ``manage.py purge_expired``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts import throttle
from accounts.models import User

from ..models import Classroom, FamilyCode
from .questions import asks_forget_expired
from .teaching import classroom_delete


@dataclass(frozen=True)
class Purged:
    classes: int
    students: int
    family_codes: int
    parents: int = 0
    staff: int = 0


def _idle_since(cutoff: datetime.datetime) -> Q:
    """Has not signed in since ``cutoff`` (or never, and joined before it)."""
    return Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)


def _delete_users(users: QuerySet[User]) -> int:
    ids = list(users.values_list("pk", flat=True))
    User.objects.filter(pk__in=ids).delete()
    return len(ids)


def purge_expired(*, days: int, now: datetime.datetime | None = None) -> Purged:
    """Delete what the retention policy says must go:

    - classes archived more than ``days`` ago, with students in no other class, and their
      question boxes (``ClassQuestion`` goes with its class);
    - students in no class at all who have not signed in for ``days``;
    - parents linked to no child who have not signed in for ``days``;
    - teachers whose account was deactivated (``is_active`` off), who own no class (their
      classes stay until a school admin hands them on) and have not signed in for ``days``;
    - family codes past their expiry, wrong-code counts past their window, and the question
      box's daily counts from before today.

    Sessions naming a deleted account are not looked for: they expire within two hours
    (SESSION_COOKIE_AGE), ``clearsessions`` removes them, and until then they sign nobody in
    (Django finds no such user; ids are never reused). docs/privacy.md, Retention.
    """
    if not 0 <= days <= settings.RETENTION_DAYS_MAX:
        raise ValueError(f"days must be between 0 and {settings.RETENTION_DAYS_MAX}, not {days}")
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    classes = students = 0
    for classroom in Classroom.objects.filter(archived_at__lt=cutoff):
        students += classroom_delete(classroom=classroom)
        classes += 1
    idle = User.objects.filter(_idle_since(cutoff))
    students += _delete_users(idle.filter(role=User.Role.STUDENT, enrolments__isnull=True))
    parents = _delete_users(idle.filter(role=User.Role.PARENT, children_links__isnull=True))
    staff = _delete_users(idle.filter(role=User.Role.TEACHER, is_active=False, classrooms__isnull=True))
    codes, _ = FamilyCode.objects.filter(expires_at__lt=now).delete()
    throttle.forget_expired(now=now)
    asks_forget_expired(today=timezone.localdate(now))
    return Purged(classes=classes, students=students, family_codes=codes, parents=parents, staff=staff)
