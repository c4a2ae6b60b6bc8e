"""Rate limits kept in the cache (Redis when REDIS_URL is set, so every app server shares them)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def _key(scope: str, ident: str) -> str:
    return f"pause:throttle:{scope}:{ident}"


def code_attempts_exhausted(scope: str, ip: str) -> bool:
    """Too many wrong codes (``scope``: "join" for class codes, "family" for family codes) from this address."""
    return cache.get(_key(scope, ip), 0) >= settings.JOIN_RATE_LIMIT


def code_attempt_failed(scope: str, ip: str) -> None:
    key = _key(scope, ip)
    # add() is a no-op if the key exists, so the window starts at the first failure and is not extended.
    cache.add(key, 0, timeout=settings.JOIN_RATE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=settings.JOIN_RATE_WINDOW)
