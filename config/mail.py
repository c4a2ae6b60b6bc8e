"""Where the site's email goes: ``EMAIL_URL``, or the ``DJANGO_EMAIL_*`` settings, or the console.

``EMAIL_URL`` is parsed here with the standard library (no dependency):

    smtp://user:password@host:25      plain SMTP (a local MTA, or a relay on a private network)
    smtp+tls://user:password@host:587 SMTP with STARTTLS
    smtps://user:password@host:465    SMTP over TLS from the first byte
    console://                        printed to the console log (development)

A user name or password with ``@``, ``:`` or ``/`` in it is written percent-encoded (``%40``).
Without ``EMAIL_URL``: the ``DJANGO_EMAIL_*`` variables when ``DJANGO_EMAIL_HOST`` is set; else
the console in development (DEBUG), and an SMTP server on localhost:25 in production.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
DEFAULT_PORTS = {"smtp": 25, "smtp+tls": 587, "smtps": 465}
NO_SERVER: dict[str, Any] = {
    "EMAIL_HOST": "localhost",
    "EMAIL_PORT": 25,
    "EMAIL_HOST_USER": "",
    "EMAIL_HOST_PASSWORD": "",
    "EMAIL_USE_TLS": False,
    "EMAIL_USE_SSL": False,
}


def _int(name: str, value: str, default: int) -> int:
    if not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def parse_email_url(url: str) -> dict[str, Any]:
    """The EMAIL_* settings an ``EMAIL_URL`` stands for; a readable error for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL is not a URL that can be read (is the port a number?).") from None
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {**NO_SERVER, "EMAIL_BACKEND": CONSOLE}
    if scheme not in DEFAULT_PORTS:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp://, smtp+tls://, smtps:// or console://.")
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no mail server, e.g. smtp+tls://user:pw@mail.example:587.")
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or DEFAULT_PORTS[scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": scheme == "smtp+tls",
        "EMAIL_USE_SSL": scheme == "smtps",
    }


def email_settings(environ: Mapping[str, str], *, debug: bool) -> dict[str, Any]:
    """Every EMAIL_* setting, from ``EMAIL_URL``, the ``DJANGO_EMAIL_*`` variables, or the defaults."""
    if environ.get("EMAIL_URL", "").strip():
        return parse_email_url(environ["EMAIL_URL"])
    host = environ.get("DJANGO_EMAIL_HOST", "").strip()
    if not host and debug:
        return {**NO_SERVER, "EMAIL_BACKEND": CONSOLE}
    use_tls = environ.get("DJANGO_EMAIL_USE_TLS", "").strip().lower() in {"1", "true", "yes", "on"}
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": host or "localhost",
        "EMAIL_PORT": _int("DJANGO_EMAIL_PORT", environ.get("DJANGO_EMAIL_PORT", ""), 25),
        "EMAIL_HOST_USER": environ.get("DJANGO_EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": False,
    }
