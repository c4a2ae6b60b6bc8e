"""Codes that can be guessed (class, family and school staff codes): limited per browser and per address.

The one home of this rule, for the join page, the family page and staff sign-up alike (F1, F8, F9).

- **Per browser**: each browser carries a random token in a signed cookie; CODE_LIMIT_BROWSER wrong
  codes of one kind from it in JOIN_RATE_WINDOW seconds and that browser waits. A pupil who keeps
  mistyping stops only themselves, never the rest of the school behind the same router.
- **Per address**: CODE_LIMIT_ADDRESS wrong codes of one kind from one address in the same window and
  the address waits. The ceiling is far above what a school makes by mistake, and far below what
  guessing needs (docs/deploy.md has the numbers and why). A script that drops the cookie gets a new
  token each time, so it meets this ceiling, not the browser limit.
- **Successful joins** (F9): at most JOINS_PER_CLASS new students per class and JOINS_PER_ADDRESS per
  address in JOINS_WINDOW seconds, so a leaked class code cannot fill a class with made-up pupils.
  When a class's right code is refused by either limit, a row names the class (its id) so its teacher
  is told on the class page.

Each attempt is a row (``CodeAttempt``), so every gunicorn worker and every app server counts the
same attempts, with or without Redis. Neither the address nor the token is stored, only keyed hashes;
a request with no address is counted per browser only, never in one bucket shared with everyone.
"""

from __future__ import annotations

import datetime
import logging
from http import HTTPStatus

from django import forms
from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone

from core.browsers import BrowserCookie, keyed_hash

from .client_ip import client_ip
from .models import CodeAttempt

logger = logging.getLogger(__name__)

Kind = CodeAttempt.Kind
STATUS = HTTPStatus.TOO_MANY_REQUESTS
BROWSER_COOKIE = BrowserCookie(
    "pausebrowser", salt="pause.throttle.browser", max_age=30 * 86400, samesite="Lax", kind="browser"
)

MESSAGE_BROWSER = "Too many wrong codes from this browser. Wait ten minutes, then try again, or ask for a login card."
MESSAGE_ADDRESS = "Too many wrong codes from this network. Wait ten minutes, then try again."
MESSAGE_JOINS = (
    "A lot of students have joined this class in the last hour, so joining it is paused for a while. "
    "Ask your teacher for a login card instead."
)


def _since(seconds: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=seconds)


class Gate:
    """One form's view of the limits for one request: who asks (address, browser) and what they may do.

    ``gate.respond(response)`` gives a new browser its token; call it on whatever the view returns.
    """

    def __init__(self, request: HttpRequest, kind: CodeAttempt.Kind) -> None:
        self.kind = kind
        address = client_ip(request)
        self.source = keyed_hash("address", address) if address else ""
        self._token = BROWSER_COOKIE.read(request)
        self.browser = self._token.browser

    def _add(self, kind: CodeAttempt.Kind, target: str = "") -> None:
        CodeAttempt.objects.create(
            kind=kind, source=self.source, browser=self.browser, target=target, at=timezone.now()
        )

    def wrong_codes_exhausted(self, form: forms.Form | None = None) -> bool:
        """True when this browser, or this address, has had too many wrong codes of this kind lately; the
        form (if given) then carries the message. Answer with ``STATUS``."""
        wrong = CodeAttempt.objects.filter(kind=self.kind, at__gte=_since(settings.JOIN_RATE_WINDOW))
        if wrong.filter(browser=self.browser).count() >= settings.CODE_LIMIT_BROWSER:
            message, who = MESSAGE_BROWSER, "browser"
        elif self.source and wrong.filter(source=self.source).count() >= settings.CODE_LIMIT_ADDRESS:
            message, who = MESSAGE_ADDRESS, "address"
        else:
            return False
        logger.warning("throttled: too many wrong %s codes from one %s", self.kind.value, who)
        if form is not None:
            form.add_error(None, message)
        return True

    def failed(self) -> None:
        """Count one wrong code from this browser and address."""
        logger.info("wrong %s code", self.kind.value)
        self._add(self.kind)
        forget_expired()

    def joins_exhausted(self, *, target: str, form: forms.Form | None = None) -> bool:
        """True when this class (``target``), or this address, has had too many new students lately."""
        joined = CodeAttempt.objects.filter(kind=Kind.JOINED, at__gte=_since(settings.JOINS_WINDOW))
        full = joined.filter(target=target).count() >= settings.JOINS_PER_CLASS or (
            self.source and joined.filter(source=self.source).count() >= settings.JOINS_PER_ADDRESS
        )
        if not full:
            return False
        logger.warning("throttled: too many joins to class %s or from one address", target)
        self._add(Kind.REFUSED_JOINS, target)
        if form is not None:
            form.add_error(None, MESSAGE_JOINS)
        return True

    def refused_right_code(self, *, target: str) -> None:
        """A right class code refused because this browser or address guessed too much: tell its teacher."""
        self._add(Kind.REFUSED_GUESSES, target)

    def joined(self, *, target: str) -> None:
        self._add(Kind.JOINED, target)

    def respond(self, response: HttpResponseBase) -> HttpResponseBase:
        return self._token.respond(response)


def refusals(*, target: str) -> dict[str, int]:
    """How many times a right code for ``target`` was refused in the last JOINS_WINDOW, by reason."""
    rows = (
        CodeAttempt.objects.filter(
            target=target, kind__in=[Kind.REFUSED_GUESSES, Kind.REFUSED_JOINS], at__gte=_since(settings.JOINS_WINDOW)
        )
        .values("kind")
        .annotate(n=Count("pk"))
    )
    return {row["kind"]: row["n"] for row in rows}


def forget_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete attempts older than the longest window: they no longer count."""
    keep = datetime.timedelta(seconds=max(settings.JOIN_RATE_WINDOW, settings.JOINS_WINDOW))
    deleted, _ = CodeAttempt.objects.filter(at__lt=(now or timezone.now()) - keep).delete()
    return deleted
