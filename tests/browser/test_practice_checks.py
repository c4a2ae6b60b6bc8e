"""A practice check in a lesson: answered in place with JavaScript, by a POST back to the check without it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

LESSON = "/modules/consent/what-consent-is/"
QUESTION = re.compile(r"^Quick check ?: ?What does the R in FRIES stand for\?$")
PHONE = {"width": 390, "height": 844}


def test_with_javascript_the_feedback_appears_in_place_and_takes_the_focus(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.url + LESSON)
    page.evaluate("window.stillThisPage = true")  # gone if the answer loaded a new page
    check = page.get_by_role("group", name=QUESTION)
    expect(check).to_be_visible()
    feedback = page.locator("#check-fries-r-feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback.get_by_text("Not quite. R is for reversible: you can change")).to_be_hidden()

    # By keyboard: choose an answer, then the button.
    check.get_by_label("Ready: you are old enough.").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Check my answer").first).to_be_focused()
    page.keyboard.press("Enter")

    expect(feedback.get_by_text("Not quite. R is for reversible: you can change")).to_be_visible()
    expect(feedback).to_be_focused()
    assert page.evaluate("window.stillThisPage") is True
    assert page.url == site.url + LESSON

    check.get_by_label("Reversible: you can change your mind.").check()
    page.get_by_role("button", name="Check my answer").first.click()
    expect(feedback.get_by_text("Yes. You can change your mind at any time")).to_be_visible()
    expect(
        feedback.get_by_text("Not quite. R is for reversible: you can change")
    ).to_be_hidden()  # only the answer given
    assert page.evaluate("window.stillThisPage") is True
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_with_javascript_no_answer_asks_for_one(site, page):
    page.goto(site.url + LESSON)
    page.get_by_role("button", name="Check my answer").first.click()
    expect(page.locator("#check-fries-r-feedback").get_by_text("Choose an answer first")).to_be_visible()


def test_without_javascript_the_answer_posts_and_the_lesson_returns_at_the_check(site, new_page):
    page = new_page(java_script_enabled=False, viewport=PHONE)
    page.goto(site.url + LESSON)
    check = page.get_by_role("group", name=QUESTION)
    check.get_by_label("Repeated: you say yes more than once.").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Check my answer").first.click()
    assert re.search(r"/modules/consent/what-consent-is/check/#check-fries-r$", page.url), page.url
    feedback = page.locator("#check-fries-r-feedback")
    expect(feedback.get_by_text("Not quite. R is for reversible: a yes can become a no.")).to_be_visible()
    expect(feedback).to_be_in_viewport()  # the page opened at the check, below the sticky bar
    expect(
        page.get_by_role("group", name=QUESTION).get_by_label("Repeated: you say yes more than once.")
    ).to_be_checked()
    assert page.locator(".practice-answer:not([hidden])").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_answered_check_is_axe_clean_on_a_phone(site, new_page, scheme):
    page = new_page(color_scheme=scheme, viewport=PHONE)
    page.goto(site.url + LESSON)
    assert serious_axe_violations(page) == []  # before answering (the button not hovered)
    page.get_by_role("group", name=QUESTION).get_by_label("Ready: you are old enough.").check()
    page.get_by_role("button", name="Check my answer").first.click()
    expect(page.locator("#check-fries-r-feedback").get_by_text("Not quite. R is for reversible: you")).to_be_visible()
    assert serious_axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
