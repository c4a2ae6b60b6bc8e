"""The demo (`make run`: DEBUG on, PAUSE_FRIENDLY_ERRORS on) shows the site's own 404 and 500 pages,
with the quick exit, never Django's yellow debug pages (review D17)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    settings.PAUSE_FRIENDLY_ERRORS = True
    settings.ROOT_URLCONF = "tests.integration.raising_urls"
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/no-such-page/", "/modules/consnet/"])
def test_a_mistyped_address_in_the_demo_gets_the_friendly_404(demo, path):
    response = demo.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'id="quick-exit"' in html
    assert "URLconf" not in html
    assert "Using the URLconf" not in html


def test_a_crash_in_the_demo_gets_the_friendly_500_and_is_logged(demo, caplog):
    with caplog.at_level("ERROR"):
        response = demo.get("/test-only/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert ">Quick exit</a>" in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    assert any(record.exc_info and "deliberate failure" in str(record.exc_info[1]) for record in caplog.records)


def test_a_missing_slash_still_redirects_in_the_demo(demo):
    response = demo.get("/modules")
    assert response.status_code == 301
    assert response["Location"] == "/modules/"


def test_without_the_setting_debug_keeps_django_s_own_pages(settings):
    settings.DEBUG = True
    settings.PAUSE_FRIENDLY_ERRORS = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" not in response.content.decode()
