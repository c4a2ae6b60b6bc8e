"""Every kind of page: no serious accessibility problem, works without JavaScript, loads nothing from elsewhere."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations
from tools.pages import PAGE_TYPES, visitor_places

pytestmark = pytest.mark.django_db(transaction=True)

# Every visitor's page type (tools.pages, which `make screenshots` and the phone tests use too), and
# the visitors' pages that are not a page type of their own.
VISITOR_TYPES = [page_type for page_type in PAGE_TYPES if page_type.role == "visitor"]
MORE_PAGES = {
    "a lesson with a chat": "/modules/consent/take-send-share/",
    "teacher notes": "/modules/consent/teacher-notes/",
    "guides": "/guides/",
    "help, no region yet": "/help/",
    "help in a region": "/help/in/us/",
    "another region's law card": "/law/england-wales/",
    "another guide": "/guides/consent-for-parents/",
    "staying private": "/help/private/",
    "forgot your password": "/accounts/password/reset/",
    "check your email": "/accounts/signup/check-email/",
}
NAMES = [page_type.name for page_type in VISITOR_TYPES] + list(MORE_PAGES)


def pages() -> dict[str, tuple[str, int]]:
    """Each page's address and the status it answers with."""
    places = visitor_places()
    typed = {page_type.name: (page_type.url(places), page_type.status) for page_type in VISITOR_TYPES}
    return typed | {name: (path, 200) for name, path in MORE_PAGES.items()}


@pytest.mark.parametrize("name", NAMES)
def test_axe_finds_no_serious_problem(site, page, name):
    page.goto(site.url + pages()[name][0])
    assert serious_axe_violations(page) == []


def test_axe_finds_no_serious_problem_in_dark_mode(site, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    problems = {}
    for path, _ in pages().values():
        page.goto(site.url + path)
        problems[path] = serious_axe_violations(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_page_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path, status in pages().values():
        response = page.goto(site.url + path)
        assert response.status == status, path
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
    for path, _ in pages().values():
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
