"""F13: an archived class is read-only everywhere, in the services and on its pages."""

from __future__ import annotations

import pytest

from accounts.models import User
from classrooms.models import Assignment, Classroom, Enrolment
from classrooms.services import teaching as teaching_services
from courses.registry import get_course
from tests.classroom_world import build_school, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    world = build_school("a")
    teaching_services.classroom_set_archived(classroom=world.classroom, archived=True)
    return world


def snapshot(classroom):
    students = User.objects.filter(enrolments__classroom=classroom).order_by("pk")
    return (
        list(students.values_list("pk", "first_name", "password")),
        list(Enrolment.objects.filter(classroom=classroom).values_list("pk", flat=True)),
        list(Assignment.objects.filter(classroom=classroom).values_list("module_id", "note")),
        Classroom.objects.get(pk=classroom.pk).join_code,
    )


def test_every_change_to_an_archived_class_is_refused_with_a_message(client, school):
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/"
    student = f"{base}students/{school.student.pk}/"
    module = get_course().modules[1].id
    before = snapshot(school.classroom)
    attempts = [
        (f"{student}rename/", {"nickname": "Renamed"}),
        (f"{student}passphrase/", {}),
        (f"{student}remove/", {}),
        (f"{base}cards/new/", {"confirm": "on", "students": [school.student.pk]}),
        (f"{base}roster/", {"names": "Newcomer"}),
        (f"{base}assign/", {"module_id": module}),
        (f"{base}code/", {}),
    ]
    for url, data in attempts:
        response = client.post(url, data, follow=True)
        messages = [str(m) for m in response.context["messages"]]
        assert any("archived" in message for message in messages), url
    assert snapshot(school.classroom) == before
    assert client.get(f"{base}cards/").content.decode().count("Passphrase:") == 0


def test_the_pages_of_an_archived_class_offer_no_change(client, school):
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/"
    page = client.get(base).content.decode()
    for hidden in ("cards/new/", "/roster/", "/code/", "Assign a module"):
        assert hidden not in page
    student_page = client.get(f"{base}students/{school.student.pk}/").content.decode()
    for hidden in ("/rename/", "/passphrase/", "/remove/"):
        assert hidden not in student_page
    assert "This class is archived" in student_page
    # Restoring it opens it again.
    client.post(f"{base}archive/", {"archive": "0"})
    assert "/passphrase/" in client.get(f"{base}students/{school.student.pk}/").content.decode()
