"""A teacher who forgot their password resets it by email (a real SMTP server) and signs in again."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, exactly, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "moss-gate-kettle-river-7"  # noqa: S105 (test account)


def test_a_teacher_who_forgot_their_password_resets_it_by_email_and_signs_in(site, page, axe, smtp_inbox):
    make_class()  # a teacher, TEACHER_EMAIL, with a class
    sign_in(page, site, TEACHER_EMAIL, "not my password at all")
    expect(page.get_by_text("We couldn’t sign you in with those details")).to_be_visible()
    page.get_by_role("link", name="Forgot your password?").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Forgot your password?")
    expect(page.get_by_text("Ask your teacher for a new passphrase")).to_be_visible()
    axe(page, "forgot your password")
    page.get_by_label("Email").fill(TEACHER_EMAIL.upper())
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe(page, "reset link sent")

    [message] = smtp_inbox.to(TEACHER_EMAIL)
    page.goto(site.url + smtp_inbox.link(message, "/accounts/password/reset/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    axe(page, "choose a new password")
    page.get_by_label(exactly("New password")).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save my new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password is changed")
    axe(page, "password changed")

    sign_in(page, site, TEACHER_EMAIL, PASSWORD)  # the old password no longer works
    expect(page.get_by_text("We couldn’t sign you in with those details")).to_be_visible()
    sign_in(page, site, TEACHER_EMAIL, NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/teach/$"))
    page.get_by_role("link", name="Your account", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    axe(page, "your account")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page, "change your password")
    assert axe.found() == {}
