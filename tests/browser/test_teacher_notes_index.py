"""/teach/notes/ (review D27): a teacher finds every module's teacher notes from /teach/; a student is
refused and a visitor is sent to sign in. Grown-ups' menus carry no "My progress"."""

import re

import pytest
from playwright.sync_api import expect

from courses.registry import get_course
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, join, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_teacher_opens_the_teacher_notes_index_from_teach_and_reads_a_modules_notes(site, page, axe):
    make_class()
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    expect(page).to_have_url(re.compile(r"/teach/$"))
    expect(page.get_by_role("link", name="My progress")).to_have_count(0)
    page.get_by_role("link", name="teacher notes", exact=True).click()

    expect(page).to_have_url(re.compile(r"/teach/notes/$"))
    expect(page).to_have_title("Teacher notes · Pause")
    expect(page.get_by_role("heading", level=1)).to_have_text("Teacher notes")
    modules = get_course().modules
    expect(page.locator(".teacher-notes-list > li")).to_have_count(len(modules))
    consent = page.locator(".teacher-notes-list > li").filter(has_text="Consent").first
    lessons = len(get_course().module("consent").lessons)
    expect(consent).to_contain_text(f"Ages 11+ · {lessons} lessons")
    axe(page, "teacher notes index")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page, "teacher notes index, phone")

    consent.get_by_role("link").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/modules/consent/teacher-notes/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Teacher notes: Consent")
    assert axe.found() == {}


def test_a_student_is_refused_the_teacher_notes_index_and_a_visitor_is_sent_to_sign_in(site, page):
    classroom = make_class()
    join(page, site, classroom.join_code, "Sam")
    response = page.goto(site.url + "/teach/notes/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You can’t open this page")
    expect(page.get_by_role("link", name="My progress").first).to_be_attached()  # a student keeps theirs

    page.context.clear_cookies()
    page.goto(site.url + "/teach/notes/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/teach/notes/$"))
    expect(page.get_by_label("Password or passphrase")).to_be_visible()
