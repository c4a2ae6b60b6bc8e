"""axe-core on every classroom page a journey doesn't already open, for each role that sees it."""

import pytest

from quizzes.demo import take_quiz
from tests.browser.conftest import serious_axe_violations
from tests.classroom_world import PASSWORD, build_school, quiz_of


@pytest.fixture
def school(transactional_db):
    school = build_school("a", students=5)
    module_id = school.classroom.assignments.get().module_id
    for student in school.classroom.enrolments.all():
        take_quiz(user=student.student, quiz=quiz_of(module_id), slip_every=2)
    return school


def sign_in(page, site, username, password):
    page.goto(site.url + "/accounts/login/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_staff_pages_have_no_serious_accessibility_problem(site, page, school):
    sign_in(page, site, school.admin.username, PASSWORD)
    base = f"/teach/classes/{school.classroom.pk}/"
    student = f"{base}students/{school.student.pk}/"
    module_id = school.classroom.assignments.get().module_id
    problems = {}
    for path in ["/teach/", "/teach/school/", base, base + "roster/", base + "cards/", base + "cards/new/",
                 base + "delete/", base + f"quiz/{module_id}/", student, student + "delete/",
                 "/teach/account/delete/", "/teach/notes/"]:  # fmt: skip
        assert page.goto(site.url + path).status == 200, path
        problems[path] = serious_axe_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}
    assert site.offsite == []


def test_student_and_parent_pages_have_no_serious_accessibility_problem(site, page, school):
    username, passphrase = next(iter(school.logins.items()))
    problems = {}
    sign_in(page, site, username, passphrase)
    for path in ["/me/", "/me/delete/", "/progress/", "/join/"]:
        assert page.goto(site.url + path).status == 200, path
        problems[path] = serious_axe_violations(page)
    page.context.clear_cookies()
    sign_in(page, site, school.parent.username, PASSWORD)
    for path in ["/family/", "/family/delete/"]:
        assert page.goto(site.url + path).status == 200, path
        problems[path] = serious_axe_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}
