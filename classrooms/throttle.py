"""Wrong class and family codes: too many from one address and it must wait (429 Too Many Requests).

The one home of this rule, for the join page and the family page alike. Each wrong code is a row
(``WrongCode``), so every gunicorn worker and every app server counts the same wrongs, with or
without Redis. The address itself is never stored, only a keyed hash of it; a request with no
address (a proxy that drops it, some test clients) is not counted at all, rather than put in one
bucket shared with everyone else.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import logging
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from accounts.client_ip import client_ip

from .models import WrongCode

logger = logging.getLogger(__name__)

Scope = WrongCode.Scope
STATUS = HTTPStatus.TOO_MANY_REQUESTS
MESSAGE = "Too many wrong codes from this network. Wait ten minutes, then try again."


def _source(request: HttpRequest) -> str | None:
    address = client_ip(request)
    if not address:
        return None
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def _window() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.JOIN_RATE_WINDOW)


def exhausted(request: HttpRequest, scope: WrongCode.Scope, form: forms.Form | None = None) -> bool:
    """True when this address has had JOIN_RATE_LIMIT wrong codes of this kind in the last
    JOIN_RATE_WINDOW seconds; the form (if given) then carries the message. Answer with ``STATUS``."""
    source = _source(request)
    if source is None:
        return False
    since = timezone.now() - _window()
    wrong = WrongCode.objects.filter(scope=scope, source=source, at__gte=since).count()
    if wrong < settings.JOIN_RATE_LIMIT:
        return False
    logger.warning("throttled: %d wrong %s codes from one address in %s", wrong, scope.value, _window())
    if form is not None:
        form.add_error(None, MESSAGE)
    return True


def failed(request: HttpRequest, scope: WrongCode.Scope) -> None:
    """Count one wrong code from this request's address (nothing, when it has no address)."""
    source = _source(request)
    logger.info("wrong %s code", scope.value)
    if source is None:
        return
    now = timezone.now()
    WrongCode.objects.create(scope=scope, source=source, at=now)
    forget_expired(now=now)


def forget_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete wrong codes older than the window: they no longer count."""
    deleted, _ = WrongCode.objects.filter(at__lt=(now or timezone.now()) - _window()).delete()
    return deleted
