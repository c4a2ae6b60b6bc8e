"""Issue 15 in a real browser: a parent on a 390 px phone signs up with their child's
family code, reads this week's card, subscribes to the weekly email, and stops it from the email's link."""

import re

import pytest
from playwright.sync_api import expect

from classrooms import digest
from courses.registry import get_course
from tests.browser.journeys import PASSWORD, confirm_email, exactly, join, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_parent_on_a_phone_signs_up_with_a_family_code_reads_this_week_and_subscribes(
    site, new_page, axe, smtp_inbox
):
    module = get_course().module("consent")
    assert module is not None
    assert module.family is not None
    classroom = make_class()
    student = new_page()
    join(student, site, classroom.join_code, "Sam")
    student.goto(site.url + "/me/")
    student.get_by_role("button", name="Make a family code").click()
    family_code = student.locator("section[aria-labelledby=family] .code-display").inner_text().strip()

    phone = new_page(viewport=PHONE)
    phone.goto(site.url + "/accounts/signup/parent/")
    phone.get_by_label("Your name").fill("Jo")
    phone.get_by_label("Email").fill("jo@family.example")
    phone.get_by_label(exactly("Password")).fill(PASSWORD)
    phone.get_by_label("Family code (optional)").fill("NOT-A-CODE")
    phone.get_by_role("button", name="Create my account").click()
    expect(phone.get_by_text("That family code did not work")).to_be_visible()
    expect(phone.get_by_label("Your name")).to_have_value("Jo")  # nothing lost but the password
    axe(phone, "parent sign-up, wrong family code")
    fits_the_phone(phone)
    phone.get_by_label(exactly("Password")).fill(PASSWORD)
    phone.get_by_label("Family code (optional)").fill(family_code)
    phone.get_by_role("button", name="Create my account").click()
    confirm_email(phone, site, smtp_inbox, "jo@family.example")
    sign_in(phone, site, "jo@family.example", PASSWORD)
    expect(phone).to_have_url(re.compile(r"/family/$"))

    child = phone.locator("section.card", has=phone.get_by_role("heading", name="Sam", exact=True))
    expect(child.get_by_role("heading", name="This week")).to_be_visible()
    expect(child).to_contain_text("Consent, due Friday 14 June")
    card = child.locator("article.family-week")
    expect(card.get_by_role("heading", name="Consent")).to_be_visible()
    for thing in module.family.learn:
        expect(card).to_contain_text(thing)
    expect(card).to_contain_text(module.family.question)
    expect(card.get_by_role("link", name=re.compile("guide for parents"))).to_have_attribute(
        "href", f"/guides/{module.family.guide_id}/"
    )
    axe(phone, "family, this week, phone")
    fits_the_phone(phone)

    phone.get_by_role("button", name="Email me each week").click()
    expect(phone.locator(".messages")).to_contain_text("jo@family.example")
    expect(phone.get_by_role("button", name="Stop the weekly email")).to_be_visible()
    fits_the_phone(phone)

    digest.send_week(site=site.url)
    [message] = [m for m in smtp_inbox.to("jo@family.example") if m["Subject"] == digest.SUBJECT]
    assert module.family.question in smtp_inbox.body(message)
    visitor = new_page(viewport=PHONE)  # no sign-in: the link alone is enough
    visitor.goto(site.url + smtp_inbox.link(message, "/family/unsubscribe/"))
    axe(visitor, "unsubscribe")
    fits_the_phone(visitor)
    visitor.get_by_role("button", name="Stop the weekly email").click()
    expect(visitor.get_by_text("no more weekly emails")).to_be_visible()

    phone.reload()
    expect(phone.get_by_role("button", name="Email me each week")).to_be_visible()
    assert axe.found() == {}
    assert site.offsite == []
