"""Classrooms in a real browser: a teacher sets up a class, a student joins and learns, the teacher
follows progress and quiz results, a parent is linked and unlinked, by keyboard and without JavaScript.

Every distinct page is checked with axe, and no page may reach another site.
"""

import csv
import datetime
import re
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from accounts import services as account_services
from classrooms.models import Classroom
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from courses import services as course_services
from courses.registry import get_course
from quizzes import services as quiz_services
from quizzes.kinds.scenario import Scenario
from quizzes.models import QuizAttempt
from quizzes.registry import get_quiz
from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
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


@pytest.fixture
def axe():
    return AxeLog()


@pytest.fixture
def new_page(browser, site):
    """Pages in further browser contexts (another person), routed like ``site``: off-site requests recorded."""
    opened = []

    def make(**options):
        context = browser.new_context(**options)
        opened.append(context)
        site.keep_on_site(context)
        context.set_default_timeout(10_000)
        return context.new_page()

    yield make
    for context in opened:
        context.close()


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
    page.get_by_label(exactly("Password")).fill(password)
    page.get_by_role("button", name="Sign in").click()


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
    if form.locator("select").count():
        return "ordering"
    if form.locator("input[type=checkbox][name=choice]").count():
        return "multiple"
    heading = page.get_by_role("heading", level=1).inner_text()
    if heading == "True or false?":
        return "true-false"
    return "single" if heading.startswith("Question") else "scenario"


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
        if kind == "ordering":  # the places in page order: a wrong order, but a complete answer
            for place, field in enumerate(form.locator("select").all(), start=1):
                field.select_option(str(place))
        else:
            form.locator("input[name=choice]").first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="Answer").click()
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


def test_teacher_signs_up_makes_a_class_prints_login_cards_and_assigns_modules(site, page, axe):
    page.goto(site.url + "/accounts/signup/teacher/")
    axe(page, "teacher sign-up")
    page.get_by_label("Your name").fill("Ms Rivera")
    page.get_by_label("Email").fill(TEACHER_EMAIL)
    page.get_by_label(exactly("Password")).fill(PASSWORD)
    page.get_by_label(re.compile("Create a new school")).check()
    page.get_by_label("New school’s name").fill("Hilltop Academy")
    page.get_by_role("button", name="Create my account").click()

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
        assert username and passphrase and username != passphrase
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
    assert username and passphrase
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
    axe(student, "lesson")
    student.get_by_role("button", name="Mark as done").click()
    expect(student.get_by_text("1 of 4 lessons done")).to_be_visible()

    percent = play_first_options(student, site, "consent", axe=axe)
    assert [line for line in sent if MARKER in line] == []  # the reflection never left the browser

    student.get_by_role("button", name="Sign out").click()
    expect(student).to_have_url(site.url + "/")
    expect(student.get_by_role("link", name="Sign in")).to_be_visible()
    student.get_by_role("link", name="Sign in").click()
    axe(student, "sign in")
    student.get_by_label("Username or email").fill(username)
    student.get_by_label(exactly("Password")).fill(passphrase)
    student.get_by_role("button", name="Sign in").click()
    expect(student).to_have_url(re.compile(r"/me/$"))
    expect(student.get_by_role("heading", level=1)).to_have_text("Hi, Sam")
    consent = student.locator("section[aria-labelledby=todo] .card").filter(has_text="Consent")
    expect(consent).to_contain_text(f"1 of 4 lessons done · best quiz score {percent}% · In progress")
    axe(student, "me, with progress")
    assert axe.found() == {}
    assert site.offsite == []


# --- 3. the teacher follows progress, quiz results and the CSV ------------------------------


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
    assert download.suggested_filename == f"pause-class-{classroom.pk}-progress.csv"
    with open(download.path(), encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == [
        "nickname",
        "username",
        "consent status",
        "consent lessons done",
        "consent quiz best %",
        "consent overdue",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert sorted(by_name) == ["Ana", "Bo", "Cy", "Di", "Sam"]
    assert by_name["Sam"][2:] == ["In progress", "1/4", str(percent), ""]
    assert axe.found() == {}
    assert site.offsite == []


# --- 4. a parent is linked by the student, then unlinked ------------------------------------


def test_parent_links_with_a_family_code_sees_progress_never_answers_and_is_unlinked(site, page, new_page, axe):
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
    assert chosen and not [text for text in texts if len(text) > 12 and text in page.content()]
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
    tab_to(teacher, "details summary")
    teacher.keyboard.press("Enter")
    expect(teacher.locator("details")).to_have_attribute("open", "")
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
    assert username and passphrase
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
