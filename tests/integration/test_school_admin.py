"""F5: a school admin runs the school's staff: admins, who may sign in, who teaches which class; and a
teacher leaves by deleting their own account once their classes have another teacher."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts import services as account_services
from accounts.models import User
from classrooms.models import Classroom
from classrooms.services import teaching as teaching_services
from tests.classroom_world import PASSWORD, build_school, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return build_school("a")


@pytest.fixture
def admin(client, school):
    return signed_in(client, school.admin)


def second_teacher(school, name="Second"):
    code = school.admin.staff_membership.school.staff_code
    return account_services.staff_signup(
        email=f"{name.lower()}@example.org", name=name, password=PASSWORD, staff_code=code
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_school_page_lists_every_teacher_with_role_classes_and_whether_they_can_sign_in(admin, school):
    page = admin.get("/teach/school/").content.decode()
    for text in ("Teacher a", "teacher-a@example.org", "Admin a", "School admin", "Can sign in"):
        assert text in page
    account_services.staff_set_active(member=school.teacher, active=False)
    assert "No: deactivated" in admin.get("/teach/school/").content.decode()


def test_an_admin_makes_a_teacher_an_admin_and_back(admin, school):
    admin.post(f"/teach/school/staff/{school.teacher.pk}/admin/", {"admin": "1"})
    school.teacher.refresh_from_db()
    assert school.teacher.is_school_admin
    assert signed_in(Client(), school.teacher).get("/teach/school/").status_code == 200
    admin.post(f"/teach/school/staff/{school.teacher.pk}/admin/", {"admin": "0"})
    school.teacher.refresh_from_db()
    assert school.teacher.role == User.Role.TEACHER


def test_the_last_active_admin_cannot_remove_or_deactivate_themselves(admin, school):
    for url, data in (("admin/", {"admin": "0"}), ("active/", {"active": "0"})):
        response = admin.post(f"/teach/school/staff/{school.admin.pk}/{url}", data, follow=True)
        assert any("only active admin" in message for message in messages_of(response))
    school.admin.refresh_from_db()
    assert school.admin.is_school_admin
    assert school.admin.is_active
    # With a second admin, the first may step down.
    account_services.staff_set_admin(member=school.teacher, admin=True)
    admin.post(f"/teach/school/staff/{school.admin.pk}/admin/", {"admin": "0"})
    school.admin.refresh_from_db()
    assert school.admin.role == User.Role.TEACHER


def test_a_deactivated_admin_does_not_count_as_the_school_keeping_an_admin(school):
    account_services.staff_set_admin(member=school.teacher, admin=True)
    account_services.staff_set_active(member=school.teacher, active=False)
    with pytest.raises(account_services.Refused):
        account_services.staff_set_active(member=school.admin, active=False)


def test_a_deactivated_teacher_cannot_sign_in_and_is_signed_out_but_their_classes_stay(admin, school):
    theirs = signed_in(Client(), school.teacher)
    assert theirs.get("/teach/").status_code == 200
    admin.post(f"/teach/school/staff/{school.teacher.pk}/active/", {"active": "0"})
    assert theirs.get("/teach/")["Location"].startswith("/accounts/login/")
    login = Client().post("/accounts/login/", {"username": school.teacher.username, "password": PASSWORD})
    assert login.status_code == 200  # the form again, not a redirect into the site
    assert Classroom.objects.get(pk=school.classroom.pk).teacher == school.teacher
    admin.post(f"/teach/school/staff/{school.teacher.pk}/active/", {"active": "1"})
    again = Client().post("/accounts/login/", {"username": school.teacher.username, "password": PASSWORD})
    assert again.status_code == 302


def test_an_admin_hands_one_class_to_another_teacher_who_then_sees_it(admin, school):
    second = second_teacher(school)
    admin.post(f"/teach/classes/{school.classroom.pk}/teacher/", {"to": second.pk, "back": "school"})
    assert Classroom.objects.get(pk=school.classroom.pk).teacher == second
    assert "Class a" in signed_in(Client(), second).get("/teach/").content.decode()
    assert signed_in(Client(), school.teacher).get(f"/teach/classes/{school.classroom.pk}/").status_code == 404


def test_an_admin_hands_all_of_a_teachers_classes_on_archived_ones_too(admin, school):
    second = second_teacher(school)
    extra = teaching_services.classroom_create(teacher=school.teacher, name="Old class")
    teaching_services.classroom_set_archived(classroom=extra, archived=True)
    admin.post(f"/teach/school/staff/{school.teacher.pk}/classes/", {"to": second.pk})
    assert set(Classroom.objects.filter(teacher=second).values_list("pk", flat=True)) == {school.classroom.pk, extra.pk}
    assert not Classroom.objects.filter(teacher=school.teacher).exists()


def test_a_class_goes_only_to_an_active_teacher_of_the_same_school(admin, school):
    other = build_school("b")
    second = second_teacher(school)
    account_services.staff_set_active(member=second, active=False)
    for to in (other.teacher.pk, second.pk, school.admin.pk + 10_000, "x"):
        admin.post(f"/teach/classes/{school.classroom.pk}/teacher/", {"to": to})
        admin.post(f"/teach/school/staff/{school.teacher.pk}/classes/", {"to": to})
    assert Classroom.objects.get(pk=school.classroom.pk).teacher == school.teacher


def test_nobody_else_may_change_a_schools_staff(school):
    other = build_school("b")
    before = list(User.objects.order_by("pk").values_list("pk", "role", "is_active"))
    refusals = {
        signed_in(Client(), school.teacher): 403,  # a plain teacher
        signed_in(Client(), other.admin): 404,  # another school's admin
        signed_in(Client(), school.parent): 403,
        signed_in(Client(), school.student): 403,
    }
    for client, status in refusals.items():
        for action, data in (("admin/", {"admin": "1"}), ("active/", {"active": "0"}), ("classes/", {"to": 1})):
            assert client.post(f"/teach/school/staff/{school.teacher.pk}/{action}", data).status_code == status
    # A school admin may not reach a student or parent through the staff URLs either.
    admin = signed_in(Client(), school.admin)
    assert admin.post(f"/teach/school/staff/{school.student.pk}/active/", {"active": "0"}).status_code == 404
    assert admin.post(f"/teach/school/staff/{school.parent.pk}/active/", {"active": "0"}).status_code == 404
    assert list(User.objects.order_by("pk").values_list("pk", "role", "is_active")) == before


def test_a_teacher_deletes_their_account_only_once_their_classes_have_another_teacher(school):
    second = second_teacher(school)
    teacher = signed_in(Client(), school.teacher)
    refused = teacher.post("/teach/account/delete/", {"confirm": "on"})
    assert refused.status_code == 400
    assert "Hand them to another teacher first" in refused.content.decode()
    assert User.objects.filter(pk=school.teacher.pk).exists()
    teacher.post(f"/teach/classes/{school.classroom.pk}/teacher/", {"to": second.pk})
    assert teacher.post("/teach/account/delete/", {"confirm": "on"}).status_code == 302
    assert not User.objects.filter(pk=school.teacher.pk).exists()
    assert Classroom.objects.get(pk=school.classroom.pk).teacher == second


def test_the_last_admin_cannot_delete_their_account(school):
    admin = signed_in(Client(), school.admin)
    refused = admin.post("/teach/account/delete/", {"confirm": "on"})
    assert refused.status_code == 400
    assert "only active admin" in refused.content.decode()
    assert User.objects.filter(pk=school.admin.pk).exists()
