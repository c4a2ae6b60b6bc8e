"""A visitor's quiz attempts are theirs by a random token kept in their session.

The token survives the session key changing at sign-in, when the attempts move
to the account (services.quiz_attempts_claim). Read by selectors and services alike.
"""

from __future__ import annotations

import secrets

from django.contrib.sessions.backends.base import SessionBase

VISITOR_SESSION_KEY = "pause.visitor"


def visitor_token(session: SessionBase | None, *, create: bool = False) -> str:
    """The visitor's token, or "" when they have none (and ``create`` is False)."""
    if session is None:
        return ""
    token = session.get(VISITOR_SESSION_KEY, "")
    if not token and create:
        token = secrets.token_urlsafe(24)
        session[VISITOR_SESSION_KEY] = token
    return token if isinstance(token, str) else ""
