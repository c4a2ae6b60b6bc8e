"""Production's security headers and cookies, on every kind of response (ASVS 3.3, 3.4, 14.3; Observatory).

The settings are the real production ones: config/settings.py is read again with
production's environment and its security settings are applied to the test.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from importlib import import_module
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.utils import timezone

from core.sessions import SIGNED_IN_AT, TOUCHED_AT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "testserver,pause.example",
}
# What production decides about headers, cookies, sessions and static files.
PRODUCTION_NAMES = [
    "MIDDLEWARE", "STORAGES", "CONTENT_SECURITY_POLICY", "PERMISSIONS_POLICY", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_COOKIE_AGE", "SESSION_ABSOLUTE_AGE", "SESSION_TOUCH_INTERVAL",
]  # fmt: skip


def production_settings(**env) -> dict:
    with mock.patch.dict(os.environ, {**PRODUCTION_ENV, **env}):
        os.environ.pop("DATABASE_URL", None)
        spec = importlib.util.spec_from_file_location(
            "_pause_production_settings", settings.BASE_DIR / "config" / "settings.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in PRODUCTION_NAMES}


@pytest.fixture
def production(settings, collected_static):
    for name, value in production_settings().items():
        setattr(settings, name, value)
    settings.STATIC_ROOT = collected_static
    settings.ROOT_URLCONF = "tests.integration.raising_urls"
    settings.ALLOWED_HOSTS = ["testserver", "pause.example"]
    return settings


@pytest.fixture
def browser():
    """A browser behind the TLS proxy (which says so in X-Forwarded-Proto): it gets error pages, not exceptions."""
    return Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response) -> None:
    csp = csp_directives(response["Content-Security-Policy"])
    for directive in ("default-src", "object-src", "base-uri", "frame-ancestors"):
        assert csp[directive] == ["'none'"], directive
    assert "upgrade-insecure-requests" in csp
    sources = {source for values in csp.values() for source in values}
    assert sources <= {"'self'", "'none'", "data:"}, sources  # no unsafe-*, no other host
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    denied = set(re.findall(r"([a-z-]+)=\(\)", response["Permissions-Policy"]))
    assert {"camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"} <= denied
    for morsel in response.cookies.values():
        assert_cookie_is_safe(morsel)


def assert_cookie_is_safe(morsel) -> None:
    assert morsel.key in {"__Host-sessionid", "__Host-csrftoken"}, morsel.key
    # Browsers ignore a __Host- cookie, even one that deletes, without Secure, Path=/ and no Domain.
    assert morsel["secure"], morsel.OutputString()
    assert morsel["path"] == "/", morsel.OutputString()
    assert not morsel["domain"], morsel.OutputString()
    if morsel["max-age"] != 0:  # a cookie being deleted carries no value to protect
        assert morsel["httponly"], morsel.OutputString()
        assert morsel["samesite"] == "Lax", morsel.OutputString()


def static_path() -> str:
    return staticfiles_storage.url("css/pause.css")


@pytest.mark.parametrize(
    ("kind", "method", "path", "status"),
    [
        ("page", "get", "/modules/alpha/first-lesson/", 200),
        ("form page", "get", "/accounts/login/", 200),
        ("redirect", "get", "/modules/alpha/first-lesson/done/", 302),
        ("not found", "get", "/no-such-page/", 404),
        ("server error", "get", "/test-only/boom/", 500),
        ("static file", "get", None, 200),
        ("svg static file", "get", "img/favicon.svg", 200),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(production, browser, kind, method, path, status):
    if path is None:
        path = static_path()
    elif path.endswith(".svg"):
        path = staticfiles_storage.url(path)
    response = getattr(browser, method)(path)
    assert response.status_code == status, kind
    assert_security_headers(response)
    if kind.endswith("static file"):
        assert re.search(r"\.[0-9a-f]{12}\.", path), "production serves hashed file names"
        assert "immutable" in response["Cache-Control"]


def test_a_static_file_is_served_compressed(production, browser):
    response = browser.get(static_path(), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] in {"gzip", "br"}


def test_the_form_page_sets_only_prefixed_secure_cookies(production, browser):
    response = browser.get("/accounts/login/")
    assert set(response.cookies) == {"__Host-csrftoken"}
    assert_cookie_is_safe(response.cookies["__Host-csrftoken"])


def test_signing_in_sets_only_prefixed_secure_cookies(production, browser):
    get_user_model().objects.create_user("pupil", password="a-long-passphrase-1")
    browser.get("/accounts/login/")
    response = browser.post("/accounts/login/", {"username": "pupil", "password": "a-long-passphrase-1"})
    assert response.status_code == 302
    assert "__Host-sessionid" in response.cookies
    for morsel in response.cookies.values():
        assert_cookie_is_safe(morsel)
    # A session ends with the browser: no Max-Age or Expires on the session cookie.
    assert not response.cookies["__Host-sessionid"]["max-age"]
    assert not response.cookies["__Host-sessionid"]["expires"]


def test_plain_http_is_redirected_to_https_on_the_same_host(production):
    response = Client().get("/modules/", HTTP_HOST="pause.example")
    assert response.status_code == 301
    assert response["Location"] == "https://pause.example/modules/"


def test_the_proxy_header_is_what_makes_a_request_https(production):
    response = Client().get("/modules/", HTTP_HOST="pause.example", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


# --- the load balancer's health check (security review F14) --------------------------------


def test_a_load_balancer_gets_healthz_over_plain_http_by_the_servers_ip(production):
    checker = Client(raise_request_exception=False)
    for host in ("10.0.0.5:8000", "10.0.0.5", "[fd00::5]:8000", "pause.example"):
        response = checker.get("/healthz", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert response.content == b"ok"
    assert checker.head("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200


def test_every_other_request_is_still_redirected_to_https_or_refused_for_its_host(production):
    checker = Client(raise_request_exception=False)
    for path in ("/healthz/", "/healthz.txt", "/modules/", "/"):
        assert checker.get(path, HTTP_HOST="10.0.0.5:8000").status_code == 400, path
        proxied = checker.get(path, HTTP_HOST="10.0.0.5:8000", HTTP_X_FORWARDED_PROTO="https")
        assert proxied.status_code == 400, path
    assert checker.get("/modules/", HTTP_HOST="pause.example").status_code == 301
    assert checker.post("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 405


def test_development_over_http_keeps_plain_cookie_names_and_no_upgrade():
    values = production_settings(DJANGO_DEBUG="true")
    assert values["SESSION_COOKIE_NAME"] == "sessionid"
    assert values["CSRF_COOKIE_NAME"] == "csrftoken"
    assert not values["SESSION_COOKIE_SECURE"]
    assert not values["SECURE_SSL_REDIRECT"]
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is False


def test_hsts_preload_and_subdomains_follow_the_environment():
    assert production_settings()["SECURE_HSTS_PRELOAD"] is False
    values = production_settings(DJANGO_HSTS_PRELOAD="true", DJANGO_HSTS_INCLUDE_SUBDOMAINS="false")
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "PAUSE_SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    # Test-run settings that a production server never has (the Makefile sets the second for Playwright).
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr


# --- signing out, caching and timeouts on shared computers ----------------------------------


@pytest.fixture
def pupil(production, browser):
    get_user_model().objects.create_user("pupil", password="a-long-passphrase-1")
    browser.get("/accounts/login/")
    assert browser.post("/accounts/login/", {"username": "pupil", "password": "a-long-passphrase-1"}).status_code == 302
    return browser


def test_signing_out_clears_the_browser_and_ends_the_session(pupil):
    old_session = pupil.cookies["__Host-sessionid"].value
    response = pupil.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert_security_headers(response)
    replay = Client(HTTP_X_FORWARDED_PROTO="https")
    replay.cookies["__Host-sessionid"] = old_session
    assert b"Sign out" not in replay.get("/progress/").content
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(old_session)


def test_a_signed_in_readers_pages_are_never_stored(pupil):
    for path in ("/modules/alpha/first-lesson/", "/progress/", "/modules/"):
        cache_control = {part.strip() for part in pupil.get(path)["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= cache_control, path


def test_a_visitors_lesson_page_may_be_cached(production, browser):
    assert "no-store" not in browser.get("/modules/alpha/first-lesson/").get("Cache-Control", "")


def _rewrite_session(client, **values):
    session = client.session
    session.update(values)
    session.save()


def test_a_session_ends_ten_hours_after_signing_in_however_busy(pupil):
    assert b"Sign out" in pupil.get("/progress/").content
    _rewrite_session(pupil, **{SIGNED_IN_AT: int(time.time()) - 10 * 60 * 60 - 5, TOUCHED_AT: int(time.time())})
    assert b"Sign out" not in pupil.get("/progress/").content
    assert "_auth_user_id" not in pupil.session


@pytest.fixture
def database_sessions(production):
    """Sessions in the database even in the Redis pass: the idle window is the store's own expiry,
    and the database store's expiry is the one a test can read and rewind."""
    production.SESSION_ENGINE = "django.contrib.sessions.backends.db"


def test_a_session_in_use_is_kept_alive_but_not_saved_on_every_request(database_sessions, pupil):
    key = pupil.cookies["__Host-sessionid"].value
    pupil.get("/progress/")
    expiry = Session.objects.get(session_key=key).expire_date
    pupil.get("/progress/")
    assert Session.objects.get(session_key=key).expire_date == expiry  # touched moments ago: no write
    _rewrite_session(pupil, **{TOUCHED_AT: int(time.time()) - 6 * 60})
    soon = timezone.now() + timedelta(minutes=1)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    assert b"Sign out" in pupil.get("/progress/").content
    # The idle window slid forward: two hours from now again.
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=115)
