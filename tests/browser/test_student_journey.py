"""A student in a real browser: joins with the code, learns, takes the quiz and signs back in."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    CLASS_NAME,
    DUE,
    MARKER,
    PASSWORD,
    TEACHER_EMAIL,
    exactly,
    join,
    make_class,
    play_first_options,
    sign_in,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_student_joins_learns_takes_the_quiz_and_signs_back_in(site, page, new_page, axe):
    classroom = make_class(
        assign=[("consent", DUE, "Read it before Tuesday's lesson."), ("digital-permanence", None, "")]
    )
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.get_by_role("link", name=CLASS_NAME).click()
    code = page.locator(".code-display").inner_text().strip()
    assert code == classroom.join_code

    student = new_page()
    sent = []
    student.on("request", lambda r: sent.append(f"{r.url} {r.post_data or ''}"))
    student.goto(site.url + "/join/")
    axe(student, "join")
    username, passphrase = join(student, site, code.lower(), "Sam")
    assert username
    assert passphrase
    expect(student.get_by_text("this page shows them only once")).to_be_visible()
    axe(student, "welcome")
    student.reload()
    expect(student).to_have_url(re.compile(r"/me/$"))
    assert passphrase not in student.content()

    expect(student.get_by_role("heading", level=1)).to_have_text("Hi, Sam")
    cards = student.locator("section[aria-labelledby=todo] .card")
    expect(cards).to_have_count(2)
    consent = cards.filter(has_text="Consent")
    expect(consent).to_contain_text("Year 9 PSHE · Ms Rivera · due Friday 14 June")
    expect(consent).to_contain_text("Read it before Tuesday's lesson.")
    expect(consent).to_contain_text("0 of 4 lessons done · Not started")
    expect(cards.filter(has_text="Where photos go")).not_to_contain_text("due")
    watchers = student.locator("section[aria-labelledby=watching] ul")
    expect(watchers).to_contain_text(f"Ms Rivera, your teacher for {CLASS_NAME}")
    axe(student, "me")

    student.get_by_role("link", name="Consent", exact=True).click()
    expect(student).to_have_url(re.compile(r"/modules/consent/$"))
    axe(student, "module")
    student.locator(".lesson-list a").first.click()
    expect(student).to_have_url(re.compile(r"/modules/consent/[\w-]+/$"))  # axe only once the lesson has loaded
    axe(student, "lesson")
    student.get_by_role("button", name="Mark as done").click()
    expect(student.get_by_text("1 of 4 lessons done")).to_be_visible()

    percent = play_first_options(student, site, "consent", axe=axe)
    assert [line for line in sent if MARKER in line] == []  # the reflection never left the browser

    student.get_by_role("button", name="Sign out").click()
    expect(student).to_have_url(site.url + "/")
    expect(student.get_by_role("link", name="Sign in")).to_be_visible()
    student.get_by_role("link", name="Sign in").click()
    expect(student).to_have_url(re.compile(r"/accounts/login/"))
    axe(student, "sign in")
    student.get_by_label("Username or email").fill(username)
    student.get_by_label(exactly("Password or passphrase")).fill(passphrase)
    student.get_by_role("button", name="Sign in").click()
    expect(student).to_have_url(re.compile(r"/me/$"))
    expect(student.get_by_role("heading", level=1)).to_have_text("Hi, Sam")
    consent = student.locator("section[aria-labelledby=todo] .card").filter(has_text="Consent")
    expect(consent).to_contain_text(f"1 of 4 lessons done · best quiz score {percent}% · In progress")
    axe(student, "me, with progress")
    assert axe.found() == {}
    assert site.offsite == []


# --- 3. the teacher follows progress, quiz results and the CSV ------------------------------
