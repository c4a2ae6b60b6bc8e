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
from playwright.sync_api import BrowserContext, Page, Request, Route
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


# No host but this machine's resolves, so no request can leave it, whatever a page asks for. (Not a
# Playwright route for every request: any route turns the browser's cache off, and every page then
# fetched its CSS, JavaScript and pictures again through the live server, 2.4x slower.)
STAY_ON_THIS_MACHINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = [*CHROMIUM_ARGS, STAY_ON_THIS_MACHINE]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args, "headless": True}


class OffsiteRequests(list[str]):
    """Every request the page tried to send to another host (none can reach one: see STAY_ON_THIS_MACHINE)."""


def keep_on_site(context: BrowserContext, site_url: str, offsite: OffsiteRequests) -> None:
    """Record every request a browser context tries to send anywhere but the site."""
    local = urlsplit(site_url).netloc

    def record(request: Request) -> None:
        if urlsplit(request.url).netloc != local:
            offsite.append(request.url)

    context.on("request", record)


def fake_neutral_site(context: BrowserContext) -> None:
    """Answer Quick exit's address (NEUTRAL_SITE in tests) with a harmless page, for a test that leaves by it.

    Only where asked: a route turns the context's cache off (see STAY_ON_THIS_MACHINE).
    """

    def weather(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")

    context.route(NEUTRAL_SITE + "**", weather)


@pytest.fixture
def site(live_server: LiveServer, settings: SettingsWrapper, page: Page) -> LiveServer:
    """The live server, Quick exit leading to NEUTRAL_SITE, and every off-site request recorded.

    ``site.keep_on_site(context)`` records them for further browser contexts (other people);
    ``site.fake_neutral_site()`` (or ``(context)``) answers NEUTRAL_SITE, for a test that leaves by Quick exit.
    """
    settings.QUICK_EXIT_URL = NEUTRAL_SITE
    offsite = OffsiteRequests()
    keep_on_site(page.context, live_server.url, offsite)
    page.set_default_timeout(WAIT_MS)
    live_server.offsite = offsite  # type: ignore[attr-defined]
    keep: Callable[[BrowserContext], None] = lambda context: keep_on_site(context, live_server.url, offsite)  # noqa: E731
    live_server.keep_on_site = keep  # type: ignore[attr-defined]
    live_server.fake_neutral_site = lambda context=page.context: fake_neutral_site(context)  # type: ignore[attr-defined]
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
