"""The address a request came from: one rule for django-axes and for the code limits.

Behind a proxy every request comes from the proxy, which would make a whole
district one address. ``PAUSE_TRUSTED_PROXIES`` says how many proxies in front
of the app append to ``X-Forwarded-For``; the client is that many entries from
the right. Entries further left are whatever the client claimed, so never trusted.

The header is believed only when the request came from one of the proxies
(``PAUSE_PROXY_ADDRESSES``, which defaults to gunicorn's own
``GUNICORN_FORWARDED_ALLOW_IPS``): a client that reaches gunicorn directly, round
the proxy, cannot pick its own address. And only an IP address counts: anything
else in the header (``garbage``, ``999.999.999.999``) falls back to the socket's
address, so it can neither dodge a limit nor reach a database's address column.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _proxies(configured: tuple[str, ...]) -> tuple[Network, ...] | None:
    """The proxies as networks (an address is a /32 or /128); None for "*", any address."""
    if "*" in configured:
        return None
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in configured)


def _from_proxy(address: str) -> bool:
    proxies = _proxies(tuple(settings.PAUSE_PROXY_ADDRESSES))
    if proxies is None:
        return True
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in proxies)


def client_ip(request: HttpRequest) -> str | None:
    """None when the request has no address (Django's force_login, some test requests): axes stores
    addresses in an IP column, where PostgreSQL refuses anything that is not an address."""
    remote = _address(request.META.get("REMOTE_ADDR") or "")
    hops = settings.PAUSE_TRUSTED_PROXIES
    if hops > 0 and remote is not None and _from_proxy(remote):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            claimed = _address(forwarded[-hops])
            if claimed is not None:
                return claimed
    return remote
