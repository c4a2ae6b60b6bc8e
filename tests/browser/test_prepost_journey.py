"""The before-and-after check in a browser at phone width: a student takes the "before" check from the
module page (keyboard and mouse, no sideways scroll, axe clean), and their teacher reads the class's
chart once five students have taken it before and after (light and dark)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from classrooms.services import students as student_services
from courses.registry import get_course
from prepost import services as prepost_services
from prepost.domain import Phase
from prepost.models import CheckAnswer
from prepost.registry import get_check
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, join, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_student_takes_the_before_check_and_the_teacher_sees_the_class_chart(site, page, new_page, axe):
    classroom = make_class()
    module = get_course().module("consent")
    check = get_check("consent")
    assert check is not None
    page.set_viewport_size(PHONE)
    join(page, site, classroom.join_code, "Sam")

    page.goto(site.url + f"/modules/{module.id}/")
    offer = page.get_by_role("complementary", name="Take the before check")
    expect(offer).to_contain_text("your teacher sees only totals")
    expect(offer.get_by_role("button", name="Not now")).to_be_visible()
    no_sideways_scroll(page)
    axe(page, "module page with the offer, phone")
    offer.get_by_role("link", name="Take the before check").click()

    expect(page).to_have_url(re.compile(rf"/modules/{module.id}/check/before/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start: a quick check")
    no_sideways_scroll(page)
    axe(page, "before check, phone")
    page.emulate_media(color_scheme="dark")
    axe(page, "before check, phone, dark")
    page.emulate_media(color_scheme="light")
    # Nothing chosen: refused with a message, on the same page.
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Some questions have no answer yet")
    axe(page, "before check with errors, phone")
    for index, statement in enumerate(check.statements):
        group = page.get_by_role("group", name=statement.text)
        group.get_by_label(f"{index % 5 + 1} ", exact=False).first.check()
    for question in check.questions:
        group = page.get_by_role("group", name=question.prompt)
        group.get_by_label(question.options[0].text).check()
    page.get_by_role("button", name="Save my answers").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/modules/{module.id}/{module.lessons[0].id}/$"))
    expect(page.locator(".messages")).to_contain_text("Now the first lesson")
    expect(page.get_by_role("complementary", name="Take the before check")).to_have_count(0)
    student = User.objects.get(first_name="Sam")
    row = CheckAnswer.objects.get(user=student, module_id=module.id, phase="before")
    assert row.ratings == [index % 5 + 1 for index in range(len(check.statements))]

    # Four more students before, five after: the class's totals can be shown.
    others = student_services.roster_create(classroom=classroom, names=["Ana", "Ben", "Cai", "Dee"])
    for issued in others:
        other = User.objects.get(username=issued.username)
        for phase in (Phase.BEFORE, Phase.AFTER):
            prepost_services.check_answer_record(
                user=other,
                check=check,
                phase=phase,
                ratings=[2 if phase == Phase.BEFORE else 4] * len(check.statements),
                choices=[q.answer for q in check.questions],
            )
    prepost_services.check_answer_record(
        user=student,
        check=check,
        phase=Phase.AFTER,
        ratings=[5] * len(check.statements),
        choices=[q.answer for q in check.questions],
    )

    teacher = new_page(viewport=PHONE)
    sign_in(teacher, site, TEACHER_EMAIL, PASSWORD)
    teacher.goto(site.url + f"/teach/classes/{classroom.pk}/")
    teacher.get_by_role("link", name=re.compile("^Before and after")).click()
    expect(teacher).to_have_url(re.compile(rf"/teach/classes/{classroom.pk}/checks/$"))
    section = teacher.get_by_role("region", name=module.title)
    expect(section).to_contain_text("5 students before, 5 after.")
    chart = section.get_by_role("img", name=check.statements[0].text)
    expect(chart).to_be_visible()
    expect(section.get_by_role("table").first).to_contain_text("4 Quite sure")
    no_sideways_scroll(teacher)
    axe(teacher, "class before and after, phone")
    teacher.emulate_media(color_scheme="dark")
    axe(teacher, "class before and after, phone, dark")
    assert axe.found() == {}
    assert site.offsite == []
