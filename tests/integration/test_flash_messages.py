"""Codes never travel in a cookie (security review F26).

A flash message that names a join, family or staff code is kept in the session (on the
server) until it is shown, not in Django's signed, readable ``messages`` cookie.
"""

from __future__ import annotations

import pytest

from accounts.models import School
from classrooms.models import Classroom, FamilyCode
from tests.classroom_world import build_school, signed_in

pytestmark = pytest.mark.django_db


def assert_not_in_any_cookie(response, secret: str) -> None:
    assert "messages" not in response.cookies
    for morsel in response.cookies.values():
        assert secret not in morsel.OutputString(), morsel.key


@pytest.fixture
def school():
    return build_school("a", students=1)


def test_a_new_class_and_a_new_join_code_are_shown_but_never_set_in_a_cookie(client, school):
    signed_in(client, school.teacher)
    created = client.post("/teach/classes/new/", {"name": "Year 8 Blue"})
    classroom = Classroom.objects.get(name="Year 8 Blue")
    assert_not_in_any_cookie(created, classroom.join_code)
    assert classroom.join_code in client.get(created["Location"]).content.decode()

    rotated = client.post(f"/teach/classes/{classroom.pk}/code/")
    classroom.refresh_from_db()
    assert_not_in_any_cookie(rotated, classroom.join_code)
    assert classroom.join_code in client.get(rotated["Location"]).content.decode()


def test_a_new_staff_code_is_shown_but_never_set_in_a_cookie(client, school):
    signed_in(client, school.admin)
    rotated = client.post("/teach/school/code/")
    code = School.objects.get(pk=school.admin.staff_membership.school_id).staff_code
    assert_not_in_any_cookie(rotated, code)
    assert code in client.get(rotated["Location"]).content.decode()


def test_a_family_code_is_shown_but_never_set_in_a_cookie(client, school):
    signed_in(client, school.student)
    made = client.post("/me/family-code/")
    code = FamilyCode.objects.filter(student=school.student).latest("pk").code
    assert_not_in_any_cookie(made, code)
    assert code in client.get(made["Location"]).content.decode()
