"""Writes for accounts that no other app owns."""

from __future__ import annotations

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone


def failed_logins_purge(*, now: datetime.datetime | None = None) -> int:
    """Forget failed sign-ins once their lockout has long passed: a day after the cool-off."""
    cutoff = (now or timezone.now()) - settings.AXES_COOLOFF_TIME - datetime.timedelta(days=1)
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
