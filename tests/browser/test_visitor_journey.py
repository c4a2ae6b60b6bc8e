"""A visitor reads the consent module, marks lessons done, finds help and leaves fast."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NEUTRAL_SITE

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_reads_the_consent_module_start_to_end(site, page):
    page.goto(site.url + "/")
    page.get_by_role("link", name="Start learning").click()
    page.get_by_role("link", name=re.compile(r"Consent")).first.click()
    expect(page.get_by_text("0 of 4 lessons done")).to_be_visible()
    page.locator(".lesson-list a").first.click()

    for number in range(1, 5):
        expect(page.get_by_text(f"Lesson {number} of 4")).to_be_visible()
        expect(page.locator(".lesson-body h2").first).to_be_visible()
        page.get_by_role("button", name="Mark as done").click()
        if number < 4:
            expect(page.get_by_text(f"{number} of 4 lessons done")).to_be_visible()

    # After the last lesson "Mark as done" leads to the module's quiz; the module page shows the bar filled.
    expect(page).to_have_url(re.compile(r"/modules/consent/quiz/$"))
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Consent", exact=True).click()
    expect(page).to_have_url(re.compile(r"/modules/consent/$"))
    expect(page.get_by_text("4 of 4 lessons done")).to_be_visible()
    assert page.locator("progress").get_attribute("value") == "4"
    assert site.offsite == []


def test_visitor_picks_a_region_on_help_and_it_is_remembered(site, page):
    page.goto(site.url + "/help/")
    page.get_by_label("Where are you?").select_option(label="England and Wales")
    page.get_by_label("Under 18").check()
    page.get_by_role("button", name="Show help").click()
    expect(page.get_by_role("heading", name=re.compile("Help in England and Wales"))).to_be_visible()
    expect(page.get_by_role("heading", name="Report Remove")).to_be_visible()
    expect(page.get_by_role("heading", name="Revenge Porn Helpline")).to_have_count(0)

    page.goto(site.url + "/law/")
    expect(page.locator(".badge", has_text="Your region")).to_be_visible()
    assert site.offsite == []


def test_quick_exit_leaves_and_back_does_not_return(site, page):
    site.fake_neutral_site()
    page.goto(site.url + "/")
    page.goto(site.url + "/help/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    # The help page was replaced in the history: Back goes to the page before it.
    assert not page.url.endswith("/help/")


def test_pressing_escape_twice_quick_exits(site, page):
    site.fake_neutral_site()
    page.goto(site.url + "/modules/consent/what-consent-is/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_SITE)


def test_quick_exit_without_javascript_is_a_plain_link(site, browser):
    context = browser.new_context(java_script_enabled=False)
    site.fake_neutral_site(context)
    page = context.new_page()
    page.goto(site.url + "/help/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(NEUTRAL_SITE)
    context.close()


def test_escape_pressed_again_while_leaving_does_not_start_a_second_exit(site, page):
    """A third press must not start a second exit that cancels the first (a reader in a hurry presses on)."""
    site.fake_neutral_site()
    page.goto(site.url + "/modules/consent/what-consent-is/")
    exits = []
    page.on("request", lambda request: exits.append(request.url) if request.url.startswith(NEUTRAL_SITE) else None)
    # Two presses leave; a third comes while the neutral page is still on its way.
    page.evaluate(
        """() => {
            const escape = () => document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
            escape();
            escape();
            setTimeout(escape, 20);
        }"""
    )
    page.wait_for_url(NEUTRAL_SITE)
    page.wait_for_load_state()
    assert exits == [NEUTRAL_SITE]
