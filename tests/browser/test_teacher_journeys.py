"""A teacher in a real browser: signs up, makes a class, prints login cards, assigns modules,
follows progress and quiz results and downloads the CSV. Every page checked with axe."""

import csv
import re

import pytest
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import expect

from classrooms.services import students as student_services
from courses.registry import get_course
from tests.browser.journeys import (
    CLASS_NAME,
    DUE,
    PASSWORD,
    TEACHER_EMAIL,
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


def test_teacher_signs_up_makes_a_class_prints_login_cards_and_assigns_modules(site, page, axe, smtp_inbox):
    page.goto(site.url + "/accounts/signup/teacher/")
    axe(page, "teacher sign-up")
    page.get_by_label("Your name").fill("Ms Rivera")
    page.get_by_label("Email").fill(TEACHER_EMAIL)
    page.get_by_label(exactly("Password")).fill(PASSWORD)
    page.get_by_label(re.compile("Create a new school")).check()
    page.get_by_label("New school’s name").fill("Hilltop Academy")
    page.get_by_role("button", name="Create my account").click()
    confirm_email(page, site, smtp_inbox, TEACHER_EMAIL, axe=axe)
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)

    expect(page).to_have_url(re.compile(r"/teach/$"))
    expect(page.get_by_text("Hilltop Academy")).to_be_visible()
    expect(page.get_by_text("You have no classes yet")).to_be_visible()
    axe(page, "teach, no classes")
    page.get_by_label("Class name").fill(CLASS_NAME)
    page.get_by_role("button", name="Make class").click()

    expect(page).to_have_url(re.compile(r"/teach/classes/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(CLASS_NAME)
    code = page.locator(".code-display").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    expect(page.locator(".messages")).to_contain_text(f"Its join code is {code}")
    axe(page, "class, new")
    class_url = page.url

    page.get_by_role("link", name="Add students by name and print login cards").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Add students to {CLASS_NAME}")
    axe(page, "roster")
    page.get_by_label("Students’ first names or nicknames, one per line").fill("Amira\n\n  Ben  \n")
    page.get_by_role("button", name="Make login cards").click()

    expect(page).to_have_url(re.compile(r"/cards/$"))
    expect(page.get_by_text("the passphrases are shown only once")).to_be_visible()
    cards = page.locator(".login-card")
    expect(cards).to_have_count(2)
    passphrases = []
    for card, nickname in zip(cards.all(), ["Amira", "Ben"], strict=True):
        expect(card).to_contain_text(nickname)
        username, passphrase = (v.inner_text().strip() for v in card.locator(".value").all())
        assert username
        assert passphrase
        assert username != passphrase
        passphrases.append(passphrase)
    axe(page, "login cards")

    page.reload()
    expect(page.get_by_text("There are no new login cards to show")).to_be_visible()
    expect(page.locator(".login-card")).to_have_count(0)
    content = page.content()
    assert not [phrase for phrase in passphrases if phrase in content]
    axe(page, "login cards, already shown")

    page.get_by_role("link", name=f"Back to {CLASS_NAME}").click()
    expect(page).to_have_url(class_url)
    expect(page.get_by_text("Assign a module to see progress here.")).to_be_visible()
    # With nothing assigned the form is already open.
    page.get_by_label(exactly("Module")).select_option(label="Consent")
    page.get_by_label("Due date (optional)").fill(DUE.isoformat())
    page.get_by_label("Note for students (optional)").fill("Read it before Tuesday's lesson.")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("“Consent” is assigned.")

    page.locator("summary", has_text="Assign a module").click()
    page.get_by_label(exactly("Module")).select_option(label="Where photos go")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("“Where photos go” is assigned.")

    assigned = page.locator("section[aria-labelledby=assigned] ul > li")
    expect(assigned).to_have_count(2)
    consent = assigned.filter(has_text="Consent")
    expect(consent).to_contain_text("due Fri 14 Jun 2030")
    expect(consent).to_contain_text("Note: Read it before Tuesday's lesson.")
    expect(assigned.filter(has_text="Where photos go")).not_to_contain_text("due")
    matrix = page.locator("table.matrix")
    expect(matrix.get_by_role("row", name=re.compile("Amira"))).to_contain_text("Not started")
    expect(matrix.get_by_role("row", name=re.compile("Ben"))).to_contain_text("Not started")
    axe(page, "class, with students and assignments")

    page.goto(site.url + "/teach/")
    row = page.get_by_role("row", name=re.compile(CLASS_NAME))
    expect(row).to_contain_text(code)
    assert axe.found() == {}
    assert site.offsite == []


# --- 2. a student joins, learns and signs back in -------------------------------------------


def test_teacher_sees_progress_quiz_results_and_downloads_the_csv(site, page, new_page, axe):
    classroom = make_class()
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.goto(f"{site.url}/teach/classes/{classroom.pk}/")
    code = page.locator(".code-display").inner_text().strip()

    student = new_page()
    join(student, site, code, "Sam")
    page.reload()
    sam = page.locator("table.matrix").get_by_role("row", name=re.compile("Sam"))
    expect(sam).to_contain_text("Not started")
    expect(sam).to_contain_text("0/4 lessons")
    expect(sam).not_to_contain_text("quiz")

    student.goto(site.url + "/modules/consent/")
    student.locator(".lesson-list a").first.click()
    student.get_by_role("button", name="Mark as done").click()
    expect(student.get_by_text("1 of 4 lessons done")).to_be_visible()
    # The student's quiz, recorded as the quiz pages would (test_student_joins_… plays it in the browser).
    attempt = answer_quiz_in_db(User.objects.get(first_name="Sam"), "consent")
    percent = round(100 * attempt.score / attempt.max_score)
    assert attempt.finished

    page.reload()
    expect(sam).to_contain_text("In progress")
    expect(sam).to_contain_text(f"1/4 lessons · quiz {percent}%")
    axe(page, "class, with progress")

    page.get_by_role("link", name="quiz results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consent: quiz results")
    expect(page.get_by_text("Fewer than 5 answers so far: hidden.").first).to_be_visible()
    expect(page.locator("svg.count-bar")).to_have_count(0)
    axe(page, "quiz results, hidden")

    for login in student_services.roster_create(classroom=classroom, names=["Ana", "Bo", "Cy", "Di"]):
        answer_quiz_in_db(User.objects.get(username=login.username), "consent")
    page.reload()
    expect(page.locator("p").filter(has_text="the class’s 5 students")).to_be_visible()
    first = page.locator("section.card").first
    expect(first.locator("caption")).to_have_text("5 answers")
    expect(first.locator("svg.count-bar")).not_to_have_count(0)
    bars = page.locator("svg.count-bar").count()
    assert bars >= len([i for i in get_quiz("consent").items if i.kind != "reflection"])
    axe(page, "quiz results, with bars")

    page.get_by_role("link", name=CLASS_NAME).click()
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download progress (CSV)").click()
    download = downloading.value
    assert download.suggested_filename == f"pause-{slugify(CLASS_NAME)}-{timezone.localdate().isoformat()}.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    module = get_course().module("consent")
    assert module is not None
    title = module.title
    assert rows[0] == [
        "Nickname",
        "Username",
        f"{title}: status",
        f"{title}: lessons done",
        f"{title}: lessons total",
        f"{title}: best quiz %",
        f"{title}: overdue",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert sorted(by_name) == ["Ana", "Bo", "Cy", "Di", "Sam"]
    assert by_name["Sam"][2:] == ["In progress", "1", "4", str(percent), ""]
    assert axe.found() == {}
    assert site.offsite == []


# --- 4. a parent is linked by the student, then unlinked ------------------------------------
