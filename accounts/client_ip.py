"""The address a request came from: one rule for django-axes and for the join-code limit.

Behind a proxy every request comes from the proxy, which would make a whole
district one address. ``PAUSE_TRUSTED_PROXIES`` says how many proxies in front
of the app append to ``X-Forwarded-For``; the client is that many entries from
the right. Entries further left are whatever the client claimed, so never trusted.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """None when the request has no address (Django's force_login, some test requests): axes stores
    addresses in an IP column, where PostgreSQL refuses anything that is not an address."""
    hops = settings.PAUSE_TRUSTED_PROXIES
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or None
