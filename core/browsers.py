"""A browser, never a person: a random token in a signed cookie, for limits that must not identify anyone.

Three forms take posts from people who have not signed in: a class code or a login card
(accounts.throttle), a class's question box (classrooms.services.questions) and "Report a
problem" (feedback.services). Each limits how often one browser may try. A browser without a
token is given a random one in a signed, HttpOnly cookie (``__Host-`` over HTTPS); only a keyed
hash of it (``keyed_hash``) is ever stored, so the database holds nothing that names the reader.

    PAUSE_ASKS = BrowserCookie("pauseasks", salt="pause.questions.browser", max_age=86400,
                               samesite="Lax", kind="question-browser")
    token = PAUSE_ASKS.read(request)       # token.browser: the keyed hash to count by
    return token.respond(response)         # gives a new browser its cookie
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


def keyed_hash(kind: str, value: str) -> str:
    """An HMAC of ``value`` under the site's secret key, tagged with ``kind`` so two kinds never match."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class BrowserCookie:
    """One form's cookie: its name, signing salt, lifetime in seconds, SameSite, and the kind its hash is tagged with."""

    name: str
    salt: str
    max_age: int
    samesite: Literal["Lax", "Strict"]
    kind: str

    @property
    def cookie_name(self) -> str:
        """Over HTTPS the ``__Host-`` prefix: only this host, only over HTTPS, for the whole site."""
        return f"__Host-{self.name}" if settings.SESSION_COOKIE_SECURE else self.name

    def read(self, request: HttpRequest) -> BrowserToken:
        """This browser's token (a bad or expired signature counts as none), or a new one to give it."""
        token = request.get_signed_cookie(self.cookie_name, default=None, salt=self.salt, max_age=self.max_age)
        return BrowserToken(self, token)


class BrowserToken:
    """One request's browser: ``browser`` (the keyed hash), ``had_token``, and ``respond`` for a new one."""

    def __init__(self, cookie: BrowserCookie, token: str | None) -> None:
        self.cookie = cookie
        self.had_token = bool(token)
        self.new_token = None if token else secrets.token_urlsafe(24)
        self.browser = keyed_hash(cookie.kind, token or self.new_token or "")

    def respond(self, response: HttpResponseBase) -> HttpResponseBase:
        """Give a browser that came without a token the new one; call it on whatever the view returns."""
        if self.new_token:
            response.set_signed_cookie(
                self.cookie.cookie_name,
                self.new_token,
                salt=self.cookie.salt,
                max_age=self.cookie.max_age,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite=self.cookie.samesite,
            )
        return response
