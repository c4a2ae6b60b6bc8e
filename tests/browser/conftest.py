"""Browser tests: Playwright driving Debian's chromium against a live server.

Where chromium is missing they are skipped with a note, unless REQUIRE_BROWSER
is set (as CI does), when they fail instead: CI must never pass by skipping.

They run in parallel under pytest-xdist (`make test` does): each worker has its own
chromium, its own live server on a free port and its own test database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route
from pytest_django.fixtures import Settings as SettingsWrapper
from pytest_django.live_server_helper import LiveServer

from tools.pages import CHROMIUM, CHROMIUM_ARGS  # shared with scripts/screenshots.py

# Playwright's sync API runs an event loop in the test's thread, so Django sees every ORM call
# a test makes as coming from async code and refuses it. These tests only set up and read
# rows around the browser, never from inside the loop: allow it, here and nowhere else
# (never for `make run` or production).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# How long a step may wait: generous, so a busy 2-core machine (CI, parallel workers) is slow, not red.
WAIT_MS = 20_000
NEUTRAL_SITE = "https://neutral.example/"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _require_chromium() -> None:
    if CHROMIUM is None:
        message = "chromium is not installed (apt-get install -y chromium): browser tests cannot run"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


class OffsiteRequests(list[str]):
    """Every request the page tried to send to another host (all are stopped)."""


def keep_on_site(context: BrowserContext, site_url: str, offsite: OffsiteRequests) -> None:
    """Let a browser context reach only the site: every other request is recorded and stopped."""
    local = urlsplit(site_url).netloc

    def route(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == local:
            route.continue_()
        else:
            offsite.append(url)
            if url.startswith(NEUTRAL_SITE):
                route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")
            else:
                route.abort()

    context.route("**/*", route)


@pytest.fixture
def site(live_server: LiveServer, settings: SettingsWrapper, page: Page) -> LiveServer:
    """The live server, with the quick-exit target faked and every off-site request recorded and stopped.

    ``site.keep_on_site(context)`` does the same for further browser contexts (other people).
    """
    settings.QUICK_EXIT_URL = NEUTRAL_SITE
    offsite = OffsiteRequests()
    keep_on_site(page.context, live_server.url, offsite)
    page.set_default_timeout(WAIT_MS)
    live_server.offsite = offsite  # type: ignore[attr-defined]
    keep: Callable[[BrowserContext], None] = lambda context: keep_on_site(context, live_server.url, offsite)  # noqa: E731
    live_server.keep_on_site = keep  # type: ignore[attr-defined]
    return live_server


def serious_axe_violations(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Contrast is judged on the page at rest: a button still fading between its focus and hover
    # colours (Bootstrap's 0.15 s transitions, slow on a busy machine) is not what a reader sees.
    # Reduced motion switches transitions off (pause.css), leaving every other setting as it was.
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_load_state()  # a page still navigating has no document for axe to read
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# --- shared by the classroom journeys -----------------------------------------------------------


@pytest.fixture
def axe():
    from tests.browser.journeys import AxeLog

    return AxeLog()


@pytest.fixture
def new_page(browser, site):
    """Pages in further browser contexts (another person), routed like ``site``: off-site requests recorded."""
    opened = []

    def make(**options):
        context = browser.new_context(**options)
        opened.append(context)
        site.keep_on_site(context)
        context.set_default_timeout(WAIT_MS)
        return context.new_page()

    yield make
    for context in opened:
        context.close()
