"""Every kind of page: no serious accessibility problem, works without JavaScript, loads nothing from elsewhere."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "catalogue": "/modules/",
    "module": "/modules/consent/",
    "lesson": "/modules/consent/take-send-share/",
    "teacher notes": "/modules/consent/teacher-notes/",
    "guides": "/guides/",
    "guide": "/guides/consent-for-parents/",
    "help": "/help/",
    "help in a region": "/help/in/us/",
    "staying private": "/help/private/",
    "law list": "/law/",
    "law card": "/law/england-wales/",
    "404": "/modules/no-such-module/",
    "sign in": "/accounts/login/",
    "forgot your password": "/accounts/password/reset/",
    "check your email": "/accounts/signup/check-email/",
}


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_problem(site, page, name):
    page.goto(site.url + PAGES[name])
    assert serious_axe_violations(page) == []


def test_axe_finds_no_serious_problem_in_dark_mode(site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    problems = {}
    for path in PAGES.values():
        page.goto(site.url + path)
        problems[path] = serious_axe_violations(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_page_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for name, path in PAGES.items():
        response = page.goto(site.url + path)
        assert response.status == (404 if name == "404" else 200), path
        expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
        expect(page.get_by_role("link", name="Need help now?").first).to_be_visible()
    # Forms work too: mark a lesson done and pick a region.
    page.goto(site.url + "/modules/consent/what-consent-is/")
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("1 of 4 lessons done")).to_be_visible()
    page.goto(site.url + "/help/")
    page.get_by_label("Where are you?").select_option("us")
    page.get_by_role("button", name="Show help").click()
    expect(page.get_by_role("heading", name="Take It Down")).to_be_visible()
    context.close()


def test_no_page_requests_anything_from_another_host(site, page):
    for path in PAGES.values():
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    assert site.offsite == []


def test_keyboard_reaches_skip_link_quick_exit_and_help_first(site, page):
    page.goto(site.url + "/modules/consent/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    expect(page.get_by_text("Skip to main content")).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Quick exit"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_guard_itself_an_offsite_request_is_recorded_and_never_leaves_the_machine(site, page):
    """What `site.offsite == []` rests on: an off-site request is seen, and no other host resolves."""
    page.goto(site.url + "/")
    with pytest.raises(PlaywrightError, match="ERR_NAME_NOT_RESOLVED"):
        page.goto("https://tracker.example/pixel.gif")
    assert site.offsite == ["https://tracker.example/pixel.gif"]
