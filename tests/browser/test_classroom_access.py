"""Classrooms by keyboard alone, and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    CLASS_NAME,
    DUE,
    PASSWORD,
    TEACHER_EMAIL,
    exactly,
    join,
    make_class,
    press_enter,
    sign_in,
    tab_to,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_keyboard_alone_teacher_assigns_and_student_joins(site, page, new_page):
    classroom = make_class(assign=[])
    teacher = new_page(locale="en-US")
    teacher.goto(site.url + "/")
    teacher.keyboard.press("Tab")
    expect(teacher.get_by_role("link", name="Skip to main content")).to_be_focused()
    tab_to(teacher, "header a[href='/accounts/login/']")
    press_enter(teacher)
    expect(teacher.get_by_label("Username or email")).to_be_focused()  # the sign-in page focuses its first field
    teacher.keyboard.type(TEACHER_EMAIL)
    tab_to(teacher, "input[name=password]")
    teacher.keyboard.type(PASSWORD)
    press_enter(teacher)  # Enter in a field submits its form
    expect(teacher).to_have_url(re.compile(r"/teach/$"))
    tab_to(teacher, f"a[href='/teach/classes/{classroom.pk}/']")
    press_enter(teacher)

    # Nothing assigned yet, so the form is open.
    tab_to(teacher, "select[name=module_id]")
    teacher.keyboard.type("Where")  # typing picks the matching option
    expect(teacher.get_by_label(exactly("Module"))).to_have_value("digital-permanence")
    tab_to(teacher, "input[name=due_on]")
    teacher.keyboard.type(DUE.strftime("%m%d%Y"))
    expect(teacher.get_by_label("Due date (optional)")).to_have_value(DUE.isoformat())
    tab_to(teacher, "textarea[name=note]")
    teacher.keyboard.type("Bring questions.")
    tab_to(teacher, "form[action$='/assign/'] button[type=submit]")
    press_enter(teacher)
    expect(teacher.locator(".messages")).to_contain_text("“Where photos go” is assigned.")

    # Now the form is folded away: its summary opens with the keyboard too.
    tab_to(teacher, "#assign-one summary")
    teacher.keyboard.press("Enter")
    expect(teacher.locator("main details#assign-one")).to_have_attribute("open", "")
    tab_to(teacher, "select[name=module_id]")
    teacher.keyboard.type("Consent")
    tab_to(teacher, "form[action$='/assign/'] button[type=submit]")
    with teacher.expect_navigation():
        teacher.keyboard.press("Space")  # Space presses a focused button, as Enter does
    expect(teacher.locator(".messages")).to_contain_text("“Consent” is assigned.")
    assigned = teacher.locator("section[aria-labelledby=assigned] ul > li")
    expect(assigned).to_have_count(2)
    expect(assigned.filter(has_text="Where photos go")).to_contain_text("due Fri 14 Jun 2030")
    expect(assigned.filter(has_text="Where photos go")).to_contain_text("Note: Bring questions.")
    code = teacher.locator(".code-display").inner_text().strip()

    student = new_page(locale="en-US")
    student.goto(site.url + "/join/")
    tab_to(student, "input[name=code]")
    student.keyboard.type(code)
    tab_to(student, "input[name=nickname]")
    student.keyboard.type("Kai")
    tab_to(student, "main form button[type=submit]")
    press_enter(student)
    expect(student.get_by_role("heading", level=1)).to_have_text("Welcome, Kai")
    tab_to(student, "main a[href='/me/']")
    press_enter(student)
    expect(student.get_by_role("heading", level=1)).to_have_text("Hi, Kai")
    expect(student.locator("section[aria-labelledby=todo]")).to_contain_text("due Friday 14 June")
    tab_to(student, "section[aria-labelledby=todo] a[href='/modules/consent/']")
    press_enter(student)
    expect(student).to_have_url(re.compile(r"/modules/consent/$"))
    assert site.offsite == []


def test_without_javascript_students_join_and_the_class_page_works(site, page, new_page):
    classroom = make_class()
    teacher = new_page(java_script_enabled=False)
    sign_in(teacher, site, TEACHER_EMAIL, PASSWORD)
    expect(teacher).to_have_url(re.compile(r"/teach/$"))
    teacher.get_by_role("link", name=CLASS_NAME).click()
    code = teacher.locator(".code-display").inner_text().strip()
    assert code == classroom.join_code

    student = new_page(java_script_enabled=False)
    username, passphrase = join(student, site, code, "Lee")
    assert username
    assert passphrase
    student.reload()
    expect(student).to_have_url(re.compile(r"/me/$"))
    expect(student.locator("section[aria-labelledby=todo]")).to_contain_text("due Friday 14 June")

    teacher.reload()
    expect(teacher.locator("table.matrix").get_by_role("row", name=re.compile("Lee"))).to_contain_text("Not started")
    # The folded "Assign a module" form opens without script (it is a <details>).
    teacher.locator("summary", has_text="Assign a module").click()
    teacher.get_by_label(exactly("Module")).select_option(label="Sextortion and grooming")
    teacher.get_by_role("button", name="Assign", exact=True).click()
    expect(teacher.locator(".messages")).to_contain_text("“Sextortion and grooming” is assigned.")
    expect(teacher.locator("table.matrix thead")).to_contain_text("Sextortion")

    teacher.get_by_role("link", name="Add students by name and print login cards").click()
    teacher.get_by_label("Students’ first names or nicknames, one per line").fill("Max")
    teacher.get_by_role("button", name="Make login cards").click()
    expect(teacher.locator(".login-card")).to_have_count(1)
    expect(teacher.get_by_role("button", name="Print cards")).to_be_hidden()  # needs script; the text says Print
    expect(teacher.get_by_text("Use your browser’s Print")).to_be_visible()
    assert site.offsite == []
