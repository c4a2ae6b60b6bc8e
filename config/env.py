"""Reading settings from the environment, with a readable error for a bad value."""

from __future__ import annotations

import ipaddress
import os
import re

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    """A whole number from the environment, or a message that names the variable and what it got."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}.")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name} must be at most {maximum}, not {number}.")
    return number


# The proxies on this machine: who may say, in X-Forwarded-*, where a request came from.
FORWARDED_ALLOW_IPS = "127.0.0.1,::1"


def env_networks(name: str, default: str) -> list[str]:
    """Addresses or networks (``10.0.0.0/8``), or ``*`` for any; a message for anything else."""
    entries = env_list(name, default)
    for entry in entries:
        if entry == "*":
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must list IP addresses or networks, not {entry!r}.") from None
    return entries


def env_url_path(name: str, default: str) -> str:
    """A path on the site such as ``ops-7f3a/`` (slashes either side are tidied); empty stays empty."""
    value = os.environ.get(name, default).strip().strip("/")
    if value and not re.fullmatch(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*", value):
        raise ImproperlyConfigured(f"{name} must be a path of letters, digits and . _ ~ - only, not {value!r}.")
    return f"{value}/" if value else ""
