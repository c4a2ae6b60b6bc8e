"""EMAIL_URL and the DJANGO_EMAIL_* variables become Django's email settings (config/mail.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.mail import CONSOLE, SMTP, email_settings, parse_email_url


def test_each_email_url_scheme_gives_its_connection():
    starttls = parse_email_url("smtp+tls://pause%40school.example:p%2Fw@mail.school.example")
    assert starttls == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.school.example",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "pause@school.example",
        "EMAIL_HOST_PASSWORD": "p/w",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }
    implicit = parse_email_url("smtps://u:p@mail.example")
    assert (implicit["EMAIL_PORT"], implicit["EMAIL_USE_SSL"], implicit["EMAIL_USE_TLS"]) == (465, True, False)
    plain = parse_email_url("smtp://localhost:2525")
    assert (plain["EMAIL_PORT"], plain["EMAIL_USE_SSL"], plain["EMAIL_USE_TLS"]) == (2525, False, False)
    assert plain["EMAIL_HOST_USER"] == ""
    assert parse_email_url("console://")["EMAIL_BACKEND"] == CONSOLE


@pytest.mark.parametrize("url", ["http://mail.example", "smtp://", "smtp://mail.example:port", "mail.example"])
def test_an_email_url_that_cannot_work_stops_the_start_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url(url)


def test_without_email_url_the_django_variables_or_the_console_in_development():
    assert email_settings({}, debug=True)["EMAIL_BACKEND"] == CONSOLE
    production = email_settings({}, debug=False)
    assert (production["EMAIL_BACKEND"], production["EMAIL_HOST"], production["EMAIL_PORT"]) == (SMTP, "localhost", 25)
    django_vars = email_settings(
        {"DJANGO_EMAIL_HOST": "relay.example", "DJANGO_EMAIL_PORT": "587", "DJANGO_EMAIL_USE_TLS": "true"}, debug=True
    )
    assert (django_vars["EMAIL_HOST"], django_vars["EMAIL_PORT"], django_vars["EMAIL_USE_TLS"]) == (
        "relay.example",
        587,
        True,
    )
    assert email_settings({"EMAIL_URL": "smtps://relay.example"}, debug=True)["EMAIL_USE_SSL"] is True
