"""OWASP filter-evasion vectors in every text a person can type, rendered to every role in a real browser.

Names, nicknames, school and class names, assignment notes: each page that shows
them is opened as each role that can see it. No dialog may open and no payload
may run (each one would set ``window.__xss``), with and without the CSP's help:
the escaping must hold on its own, so CSP is the second layer, not the first.
"""

from __future__ import annotations

import datetime

import pytest

from accounts import services as account_services
from accounts.models import User
from classrooms.services import families as family_services
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from courses.registry import get_course
from quizzes.demo import take_quiz
from quizzes.registry import get_quiz
from tests.browser.conftest import WAIT_MS
from tests.classroom_world import quiz_of

PASSWORD = "correct-horse-battery"  # noqa: S105 (test accounts)

# From the OWASP XSS Filter Evasion Cheat Sheet, shortened to fit the fields.
VECTORS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg/onload=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=window.__xss=1>",
    "<body onload=window.__xss=1>",
    "<iframe srcdoc='<script>parent.__xss=1</script>'>",
    "javascript:window.__xss=1",
    '<a href="jav&#x09;ascript:window.__xss=1">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+window.__xss=1;//'>",
    '=HYPERLINK("https://evil.example")',
    "{{ 7*7 }}{% debug %}",
]


# Any element a payload made: an attribute or a script carrying the marker. Escaped text makes neither;
# a form field's value holding the text (a rename box showing the nickname) is text, not markup.
INJECTED_ELEMENTS = """() => [...document.querySelectorAll('*')].filter(el =>
    [...el.attributes].some(a => (a.value.includes('__xss') && a.name !== 'value') || a.name.startsWith('on'))
    || (el.tagName === 'SCRIPT' && el.textContent.includes('__xss'))
    || el.tagName === 'IFRAME').map(el => el.outerHTML.slice(0, 120))"""


def short(vector: str, limit: int) -> str:
    return vector[:limit]


@pytest.fixture
def hostile_world(transactional_db):
    admin = account_services.staff_signup(
        email="admin@example.org", name=short(VECTORS[1], 60), password=PASSWORD, school_name=VECTORS[0]
    )
    teacher = account_services.staff_signup(
        email="teacher@example.org",
        name=short(VECTORS[2], 60),
        password=PASSWORD,
        staff_code=admin.staff_membership.school.staff_code,
    )
    classroom = teaching_services.classroom_create(teacher=teacher, name=short(VECTORS[10], 80))
    module = next(m for m in get_course().modules if get_quiz(m.id))
    teaching_services.assignment_set(
        classroom=classroom,
        module_id=module.id,
        due_on=datetime.date(2020, 1, 1),
        note=short(" ".join(VECTORS[3:9]), 300),
    )
    logins = student_services.roster_create(classroom=classroom, names=[short(v, 40) for v in VECTORS])
    students = [User.objects.get(username=issued.username) for issued in logins]
    for student in students[:6]:
        take_quiz(user=student, quiz=quiz_of(module.id), slip_every=2)
    parent = account_services.parent_signup(email="parent@example.org", name=short(VECTORS[9], 60), password=PASSWORD)
    family_services.family_link_create(parent=parent, code=family_services.family_code_create(student=students[0]).code)
    return {
        "admin": (admin.username, PASSWORD),
        "teacher": (teacher.username, PASSWORD),
        "student": (logins[0].username, logins[0].passphrase),
        "parent": (parent.username, PASSWORD),
        "classroom": classroom,
        "student_id": students[0].pk,
        "module": module,
    }


def pages_for(role, world):
    base = f"/teach/classes/{world['classroom'].pk}/"
    staff = ["/teach/", base, base + f"students/{world['student_id']}/", base + f"quiz/{world['module'].id}/"]
    return {
        "admin": [*staff, "/teach/school/"],
        "teacher": staff,
        "student": ["/me/", "/progress/"],
        "parent": ["/family/"],
    }[role]


@pytest.mark.parametrize("role", ["admin", "teacher", "student", "parent"])
def test_no_payload_runs_for_any_role(site, browser, hostile_world, role):
    # Once with the CSP, once with the browser told to ignore it: escaping must hold on its own.
    for bypass_csp in (False, True):
        context = browser.new_context(bypass_csp=bypass_csp)
        site.keep_on_site(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
        username, password = hostile_world[role]
        page.goto(site.url + "/accounts/login/")
        page.get_by_label("Username or email").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        for path in pages_for(role, hostile_world):
            response = page.goto(site.url + path)
            assert response.status == 200, path
            page.mouse.move(10, 10)
            page.mouse.move(200, 300)  # onmouseover payloads would fire now
            assert page.evaluate("window.__xss") is None, f"a payload ran on {path} as {role}"
            injected = page.evaluate(INJECTED_ELEMENTS)
            assert injected == [], f"payload markup became elements on {path} as {role}: {injected}"
        assert dialogs == []
        context.close()
    assert site.offsite == []
