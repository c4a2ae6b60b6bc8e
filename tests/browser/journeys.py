"""What the classroom browser journeys share: a class made through the services, signing in, joining,
taking a quiz the way a student would, and an axe log that reports every page at once."""

import datetime
import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from accounts import services as account_services
from classrooms.models import Classroom
from classrooms.services import teaching as teaching_services
from quizzes import services as quiz_services
from quizzes.kinds.scenario import Scenario
from quizzes.models import QuizAttempt
from quizzes.registry import get_quiz
from tests.browser.conftest import serious_axe_violations

User = get_user_model()

PASSWORD = "quiet-harbour-lantern-42"
TEACHER_EMAIL = "rivera@hilltop.example"
CLASS_NAME = "Year 9 PSHE"
DUE = datetime.date(2030, 6, 14)  # a Friday
MARKER = "PRIVATE-CLASSROOM-REFLECTION-91c2"


# --- helpers --------------------------------------------------------------------------------


def exactly(label: str) -> re.Pattern:
    """A field's whole label, which for a required field ends in an asterisk."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


class AxeLog:
    """Runs axe once per named page and keeps what it found, so one assert can report every page."""

    def __init__(self):
        self.problems: dict[str, list[str]] = {}

    def __call__(self, page, name: str) -> None:
        if name not in self.problems:
            self.problems[name] = serious_axe_violations(page)

    def found(self) -> dict[str, list[str]]:
        return {name: found for name, found in self.problems.items() if found}


def make_class(*, assign=(("consent", DUE, "Read it before Tuesday's lesson."),)) -> Classroom:
    teacher = account_services.staff_signup(
        email=TEACHER_EMAIL, name="Ms Rivera", password=PASSWORD, school_name="Hilltop"
    )
    classroom = teaching_services.classroom_create(teacher=teacher, name=CLASS_NAME)
    for module_id, due_on, note in assign:
        teaching_services.assignment_set(classroom=classroom, module_id=module_id, due_on=due_on, note=note)
    return classroom


def sign_in(page, site, username, password):
    page.goto(site.url + "/accounts/login/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label(exactly("Password or passphrase")).fill(password)
    page.get_by_role("button", name="Sign in").click()


def confirm_email(page, site, inbox, email, *, axe=None) -> None:
    """After signing up: "check your email", then open the emailed link and confirm (``smtp_inbox``)."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    if axe:
        axe(page, "check your email")
    [message] = inbox.to(email)
    page.goto(site.url + inbox.link(message, "/accounts/confirm/"))
    if axe:
        axe(page, "confirm your email")
    page.get_by_role("button", name="Confirm my email").click()
    expect(page.locator(".messages")).to_contain_text("Your email is confirmed")


def join(page, site, code, nickname) -> tuple[str, str]:
    """Join a class at /join/; returns the (username, passphrase) the welcome page shows once."""
    page.goto(site.url + "/join/")
    page.get_by_label("Class code").fill(code)
    page.get_by_label("Your first name or a nickname").fill(nickname)
    page.get_by_role("button", name="Join").click()
    expect(page).to_have_url(re.compile(r"/join/welcome/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {nickname}")
    values = page.locator("dl.issued dd")
    return values.nth(0).inner_text().strip(), values.nth(1).inner_text().strip()


def question_kind(page) -> str:
    form = page.locator("form.answer-form")
    if page.locator("textarea[data-reflection-key]").count():
        return "reflection"
    if form.locator("[data-ordering]").count():
        return "ordering"
    if form.locator("input[type=checkbox][name=choice]").count():
        return "multiple"
    if form.locator("input[name=choice][value=true]").count():
        return "true-false"
    return "scenario" if page.locator(".scenario-prompt").count() else "single"


def play_first_options(page, site, module_id, *, axe=None) -> int:
    """Take a quiz picking the first option everywhere, a note in the reflection; returns the result's percent."""
    check = axe or (lambda page, name: None)
    page.goto(f"{site.url}/modules/{module_id}/quiz/")
    check(page, "quiz intro")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Start the quiz|Try again")).click()
    for _ in range(100):
        if page.get_by_role("heading", name="How it went", level=1).count():
            break
        kind = question_kind(page)
        # One question page and the reflection page (its own markup) are enough here: every kind of
        # question is checked by test_quiz_journey.test_axe_finds_no_serious_problem_on_quiz_pages.
        check(page, "quiz reflection" if kind == "reflection" else "quiz question")
        form = page.locator("form.answer-form")
        if kind == "reflection":
            page.locator("textarea[data-reflection-key]").fill(MARKER)
            with page.expect_navigation():
                page.get_by_role("button", name="Continue").click()
            continue
        if kind != "ordering":  # an ordering is answered in the order shown: a wrong order, but a complete answer
            form.locator("input[name=choice]").first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Check my answer" if kind == "ordering" else "Answer", exact=True).click()
        expect(page.get_by_text("You chose:")).to_be_visible()
        check(page, "quiz feedback")
        with page.expect_navigation():
            page.locator("main a.btn-primary").click()
    else:
        raise AssertionError("the quiz never ended")
    check(page, "quiz result")
    lead = page.locator("p.lead").inner_text()
    return int(re.search(r"\((\d+)%\)", lead).group(1))


def first_option_answer(item, step_id):
    if isinstance(item, Scenario):
        return {"choice": item.steps[step_id].choices[0].id}
    return {
        "single": lambda: {"option": item.options[0].id},
        "multiple": lambda: {"options": [item.options[0].id]},
        "true-false": lambda: {"value": True},
        "ordering": lambda: {"order": [step.id for step in item.steps]},
        "reflection": lambda: {},
    }[item.kind]()


def answer_quiz_in_db(student, module_id) -> QuizAttempt:
    """The same first-option quiz, straight through the service (what the live server would record)."""
    quiz = get_quiz(module_id)
    assert quiz is not None
    attempt = quiz_services.quiz_attempt_start(user=student, session=SessionStore(), quiz=quiz)
    while not attempt.finished:
        item = quiz.items[attempt.item_index]
        quiz_services.quiz_attempt_answer(
            attempt=attempt,
            quiz=quiz,
            position=attempt.answered,
            key=secrets.token_urlsafe(16),
            answer=first_option_answer(item, attempt.step_id or None),
        )
        attempt.refresh_from_db()
    return attempt


# --- 1. a teacher sets up a class -----------------------------------------------------------


def tab_to(page, selector, limit=80):
    """Press Tab until the focus is on ``selector`` (staying put if it already is)."""
    focused = "s => document.activeElement && document.activeElement.matches(s)"
    if page.evaluate(focused, selector):
        return
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(focused, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press_enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")
