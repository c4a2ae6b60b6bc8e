"""The question box (issue 15): a student asks at the end of a module, the teacher answers the whole class,
and the student sees the answer; a question with danger words shows help at once, on a phone without
JavaScript."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from classrooms.services import students as student_services
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, answer_quiz_in_db, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "If someone screenshots my message, is that a copy?"
ANSWER = "Yes. A screenshot is a new copy, made without asking."


def a_student(classroom, name="Robin"):
    [issued] = student_services.roster_create(classroom=classroom, names=[name])
    return User.objects.get(username=issued.username), issued.passphrase


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_student_asks_the_teacher_answers_the_class_and_the_student_sees_it(site, page, new_page, axe):
    classroom = make_class()
    student, passphrase = a_student(classroom)
    attempt = answer_quiz_in_db(student, "consent")

    sign_in(page, site, student.username, passphrase)
    page.goto(site.url + reverse("quizzes:result", args=["consent", attempt.public_id]))
    axe(page, "quiz result with the question box")
    page.get_by_role("link", name="Ask a question, or write ‘no question’").click()
    expect(page.get_by_text("The box can’t reply to you personally.")).to_be_visible()
    axe(page, "ask")
    page.get_by_label("Your question, or ‘no question’").fill(QUESTION)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sent. Thank you.")
    token = page.locator(".code-display").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", token)
    axe(page, "sent")

    teacher = new_page()
    sign_in(teacher, site, TEACHER_EMAIL, PASSWORD)
    teacher.goto(site.url + reverse("classrooms:class", args=[classroom.pk]))
    teacher.get_by_role("link", name="Question box").click()
    expect(teacher.locator("blockquote.question-text")).to_have_text(QUESTION)
    assert student.first_name not in teacher.locator("main").inner_text()
    axe(teacher, "teacher's question box")
    expect(teacher.get_by_label("The question as your class will see it")).to_have_value(QUESTION)
    teacher.get_by_label("Your answer to the whole class").fill(ANSWER)
    teacher.get_by_role("button", name="Answer to the class").click()
    expect(teacher.locator(".messages")).to_contain_text("Someone asked")

    page.goto(site.url + reverse("classrooms:me"))
    expect(page.locator(".class-answer")).to_contain_text(QUESTION)
    expect(page.locator(".class-answer")).to_contain_text(ANSWER)
    axe(page, "my classes with an answer")
    page.get_by_role("link", name="Check for an answer with your token").click()
    page.get_by_label("Your token").fill(token.lower())
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_role("status")).to_contain_text(ANSWER)
    axe(page, "check for an answer")
    assert axe.found() == {}


def test_danger_words_show_help_at_once_on_a_phone_and_the_box_works_without_javascript(site, new_page, axe):
    classroom = make_class()
    student, passphrase = a_student(classroom)
    phone = new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, site, student.username, passphrase)
    phone.goto(site.url + reverse("classrooms:ask", args=[classroom.pk]))
    assert no_sideways_scroll(phone)
    phone.get_by_label("Your question, or ‘no question’").fill("He says he will share it unless I pay him")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("heading", name="Help is here, now")).to_be_visible()
    expect(phone.locator(".question-help").get_by_role("link", name="Find help where you live")).to_be_visible()
    expect(phone.locator(".code-display")).to_be_visible()
    assert no_sideways_scroll(phone)
    axe(phone, "sent, with help")

    teacher = new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    sign_in(teacher, site, TEACHER_EMAIL, PASSWORD)
    teacher.goto(site.url + reverse("classrooms:questions", args=[classroom.pk]))
    expect(teacher.locator(".question-flagged")).to_contain_text("Follow your school's safeguarding policy")
    assert no_sideways_scroll(teacher)
    axe(teacher, "teacher's question box, flagged, dark")
    assert axe.found() == {}

    # Without JavaScript: the same form, the same reply (axe and scroll checks need scripts, so they are above).
    other, other_passphrase = a_student(classroom, name="Sam")
    no_js = new_page(java_script_enabled=False)
    sign_in(no_js, site, other.username, other_passphrase)
    no_js.goto(site.url + reverse("classrooms:ask", args=[classroom.pk]))
    no_js.get_by_label("Your question, or ‘no question’").fill("no question")
    no_js.get_by_role("button", name="Send").click()
    expect(no_js.get_by_role("heading", level=1)).to_have_text("Sent. Thank you.")
    expect(no_js.locator(".code-display")).to_have_text(re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$"))
