"""A parent in a real browser: linked with a family code, sees progress but never answers, is unlinked."""

import re

import pytest
from playwright.sync_api import expect

from courses import services as course_services
from courses.registry import get_course
from tests.browser.journeys import (
    CLASS_NAME,
    PASSWORD,
    Scenario,
    SessionStore,
    User,
    answer_quiz_in_db,
    confirm_email,
    exactly,
    get_quiz,
    join,
    make_class,
    sign_in,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_parent_links_with_a_family_code_sees_progress_never_answers_and_is_unlinked(
    site, page, new_page, axe, smtp_inbox
):
    classroom = make_class()
    student = new_page()
    join(student, site, classroom.join_code, "Sam")
    sam = User.objects.get(first_name="Sam")
    module = get_course().module("consent")
    for lesson in module.lessons[:2]:
        course_services.lesson_progress_mark_done(user=sam, session=SessionStore(), lesson=lesson)
    attempt = answer_quiz_in_db(sam, "consent")
    percent = round(100 * attempt.score / attempt.max_score)

    page.goto(site.url + "/accounts/signup/parent/")
    axe(page, "parent sign-up")
    page.get_by_label("Your name").fill("Jo")
    page.get_by_label("Email").fill("jo@family.example")
    page.get_by_label(exactly("Password")).fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    confirm_email(page, site, smtp_inbox, "jo@family.example", axe=axe)
    sign_in(page, site, "jo@family.example", PASSWORD)
    expect(page).to_have_url(re.compile(r"/family/$"))
    expect(page.get_by_text("No child is linked yet")).to_be_visible()
    axe(page, "family, no child")

    student.goto(site.url + "/me/")
    student.get_by_role("button", name="Make a family code").click()
    family_code = student.locator("section[aria-labelledby=family] .code-display").inner_text().strip()
    expect(student.locator(".messages")).to_contain_text(f"Your family code is {family_code}")
    axe(student, "me, with a family code")

    page.get_by_label("Family code").fill(family_code)
    page.get_by_role("button", name="Link").click()
    expect(page.locator(".messages")).to_contain_text("You are linked with Sam.")
    child = page.locator("section.card", has=page.get_by_role("heading", name="Sam", exact=True))
    expect(child).to_be_visible()
    expect(child).to_contain_text("Consent, due 14 June: In progress")
    row = child.get_by_role("row", name=re.compile("^Consent"))
    expect(row).to_contain_text("2 of 4")
    expect(row).to_contain_text(f"{percent}%")
    expect(row).to_contain_text("Not yet")
    expect(row.get_by_role("link", name="Read the guide for Consent")).to_have_attribute(
        "href", "/guides/consent-for-parents/"
    )
    guides = page.locator("section[aria-labelledby=guides] a")
    expect(guides).to_have_count(len(get_course().guides_for("parents")))
    # Never an answer: no text of an option Sam chose is on the page.
    quiz = get_quiz("consent")
    chosen = [r.answer for r in attempt.responses.all()]
    texts = []
    for item in quiz.items:
        if isinstance(item, Scenario):
            texts += [c.text for step in item.steps.values() for c in step.choices]
        elif item.kind in ("single", "multiple"):
            texts += [o.text for o in item.options]
    assert chosen
    assert not [text for text in texts if len(text) > 12 and text in page.content()]
    axe(page, "family, with a child")

    student.reload()
    watchers = student.locator("section[aria-labelledby=watching] ul")
    expect(watchers).to_contain_text("Jo, a parent or carer you linked on")
    expect(watchers).to_contain_text(f"Ms Rivera, your teacher for {CLASS_NAME}")
    axe(student, "me, with a parent")
    student.get_by_role("button", name="Stop sharing with Jo").click()
    expect(student.locator(".messages")).to_contain_text("Jo can no longer see your progress.")
    expect(watchers).not_to_contain_text("Jo,")

    page.reload()
    expect(page.get_by_role("heading", name="Sam")).to_have_count(0)
    expect(page.get_by_text("No child is linked yet")).to_be_visible()
    assert axe.found() == {}
    assert site.offsite == []


# --- 5. keyboard alone, and no JavaScript ---------------------------------------------------
