"""core.browsers: the signed cookie that names a browser (never a person) for the limits on open forms."""

from django.http import HttpResponse
from django.test import RequestFactory

from core.browsers import BrowserCookie, keyed_hash

COOKIE = BrowserCookie("pausetest", salt="pause.test.browser", max_age=3600, samesite="Strict", kind="test-browser")


def test_a_new_browser_gets_a_signed_httponly_token_and_comes_back_as_the_same_browser(rf: RequestFactory):
    first = COOKIE.read(rf.get("/"))
    assert not first.had_token
    response = first.respond(HttpResponse())
    morsel = response.cookies["pausetest"]
    assert morsel["httponly"]
    assert morsel["samesite"] == "Strict"
    assert morsel["max-age"] == 3600
    assert first.new_token
    assert first.new_token not in first.browser, "only a keyed hash is kept"

    again = rf.get("/")
    again.COOKIES["pausetest"] = morsel.value
    second = COOKIE.read(again)
    assert second.had_token
    assert second.new_token is None
    assert second.browser == first.browser
    assert "pausetest" not in second.respond(HttpResponse()).cookies, "a known browser is not given another"


def test_a_tampered_or_foreign_cookie_counts_as_none(rf: RequestFactory):
    request = rf.get("/")
    request.COOKIES["pausetest"] = "forged-token:AAAA:BBBB"
    token = COOKIE.read(request)
    assert not token.had_token
    assert token.new_token


def test_over_https_the_cookie_is_host_only_and_secure(rf: RequestFactory, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = COOKIE.read(rf.get("/")).respond(HttpResponse())
    assert response.cookies["__Host-pausetest"]["secure"]


def test_keyed_hashes_of_one_value_differ_by_kind_and_by_secret_key(settings):
    assert keyed_hash("browser", "x") != keyed_hash("address", "x")
    before = keyed_hash("browser", "x")
    settings.SECRET_KEY = "another-secret-key-" + "y" * 40
    assert keyed_hash("browser", "x") != before
