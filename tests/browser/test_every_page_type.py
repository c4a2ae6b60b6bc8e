"""Seen, not assumed (issue 13): every page type `make screenshots` renders (tools.pages.PAGE_TYPES), opened
by the person who sees it on a 390 px phone, in light and dark: nothing scrolls sideways and axe finds no
serious or critical problem."""

import pytest
from playwright.sync_api import expect

from classrooms.services import students as student_services
from courses.registry import get_course
from quizzes.demo import take_quiz
from tests.browser.conftest import serious_axe_violations
from tests.classroom_world import build_school, quiz_of
from tools.pages import PAGE_TYPES, PHONE, SCHEMES, PageType, places, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

# No spaces, so only overflow-wrap can fit it on a phone: in the class matrix, the student page and /me/.
LONG_NAME = "Maximilianalexandrabartholomew"


@pytest.fixture
def world(transactional_db):
    school = build_school("a", students=4)
    student_services.student_rename(classroom=school.classroom, student=school.student, nickname=LONG_NAME)
    module_id = school.classroom.assignments.get().module_id
    for enrolment in school.classroom.enrolments.select_related("student")[1:]:
        take_quiz(user=enrolment.student, quiz=quiz_of(module_id), slip_every=2)
    people = {"student": school.student, "teacher": school.teacher, "parent": school.parent}
    return people, places(student=school.student, classroom=school.classroom)


def sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_each_page_type_fits_a_phone_and_axe_finds_no_serious_problem_light_and_dark(
    site, new_page, world, page_type: PageType
):
    people, where = world
    page = new_page(viewport=PHONE)
    if page_type.role != "visitor":
        page.context.add_cookies([{**session_cookie(people[page_type.role]), "url": site.url}])
    found = {}
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        response = page.goto(site.url + page_type.url(where))
        assert response is not None
        assert response.status == page_type.status, page_type.url(where)
        expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
        assert sideways_scroll(page) <= 0, f"{page_type.name} scrolls sideways on a phone ({scheme})"
        found[scheme] = serious_axe_violations(page)
    assert found == {"light": [], "dark": []}
    assert site.offsite == []


def test_the_class_matrix_is_a_card_per_student_on_a_phone_and_a_table_when_wide(site, new_page, world):
    people, where = world
    page = new_page(viewport=PHONE)
    page.context.add_cookies([{**session_cookie(people["teacher"]), "url": site.url}])
    page.goto(f"{site.url}/teach/classes/{where['classroom']}/")
    matrix = page.locator("table.matrix")
    row = matrix.get_by_role("row", name=LONG_NAME)
    box = row.bounding_box()
    assert box is not None
    assert box["width"] <= PHONE["width"]
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    cell = row.locator("td").first
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == f'"{get_course().modules[0].title}"'
    expect(cell).to_contain_text("lessons")
    name = row.locator("th bdi")
    assert name.evaluate("e => e.scrollWidth <= e.parentElement.getBoundingClientRect().width + 1")
    # The table's own overflow box never scrolls either: nothing in it is wider than the phone.
    assert page.evaluate("document.querySelector('.table-responsive').scrollWidth") <= PHONE["width"]

    page.set_viewport_size({"width": 1280, "height": 800})
    assert row.evaluate("e => getComputedStyle(e).display") == "table-row"
    expect(matrix.locator("thead")).to_be_visible()
