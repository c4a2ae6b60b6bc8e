"""purge_expired's retention gaps (security review F25): parents with no child, deactivated
teachers, sessions of deleted accounts, and a --days or RETENTION_DAYS too big for a date."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts import services as account_services
from accounts.models import User
from classrooms.models import Classroom, FamilyLink
from classrooms.services import retention
from tests.classroom_world import PASSWORD, build_school

pytestmark = pytest.mark.django_db


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def idle(user: User, days: int) -> None:
    User.objects.filter(pk=user.pk).update(last_login=ago(days), date_joined=ago(days + 10))


@pytest.fixture
def school(settings):
    settings.RETENTION_DAYS = 30
    return build_school("a", students=1)


def purge() -> str:
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_a_parent_with_no_child_left_is_deleted_after_retention_idle(school):
    linked = school.parent
    unlinked_old = account_services.parent_signup(email="old@example.org", name="Old", password=PASSWORD)
    unlinked_recent = account_services.parent_signup(email="new@example.org", name="New", password=PASSWORD)
    never_signed_in = account_services.parent_signup(email="never@example.org", name="Never", password=PASSWORD)
    idle(linked, 400)
    idle(unlinked_old, 31)
    idle(unlinked_recent, 3)
    User.objects.filter(pk=never_signed_in.pk).update(last_login=None, date_joined=ago(31))
    assert "2 idle parent account(s)" in purge()
    assert set(User.objects.filter(role=User.Role.PARENT).values_list("pk", flat=True)) == {
        linked.pk,
        unlinked_recent.pk,
    }
    assert FamilyLink.objects.filter(parent=linked).exists()


def test_a_deactivated_teacher_is_deleted_once_idle_and_without_classes(school):
    gone = account_services.staff_signup(
        email="gone@example.org",
        name="Gone",
        password=PASSWORD,
        staff_code=school.admin.staff_membership.school.staff_code,
    )
    User.objects.filter(pk__in=[gone.pk, school.teacher.pk]).update(is_active=False)
    idle(gone, 31)
    idle(school.teacher, 31)  # deactivated, idle, but still owns a class: kept until it is handed on
    active_idle = school.admin
    idle(active_idle, 400)
    assert "1 deactivated teacher account(s)" in purge()
    assert not User.objects.filter(pk=gone.pk).exists()
    assert User.objects.filter(pk=school.teacher.pk).exists()
    assert Classroom.objects.filter(teacher=school.teacher).exists()
    assert User.objects.filter(pk=active_idle.pk).exists()


def test_a_session_of_a_deleted_account_signs_nobody_in(client, school):
    parent = account_services.parent_signup(email="old@example.org", name="Old", password=PASSWORD)
    client.force_login(parent)
    assert client.get("/family/").status_code == 200
    idle(parent, 31)
    purge()
    assert not User.objects.filter(pk=parent.pk).exists()
    # The session row may stay until it expires (clearsessions); it names nobody who exists.
    refused = client.get("/family/")
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/login/")
    assert b"Sign out" not in client.get("/modules/").content


@pytest.mark.parametrize("days", ["99999999999", "36501", "-1"])
def test_a_days_value_out_of_range_is_a_clear_error_not_an_overflow(days):
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("purge_expired", "--days", days, stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert "--days must be between 0 and 36500" in err.getvalue()


def test_the_service_refuses_a_days_value_out_of_range_too():
    with pytest.raises(ValueError, match="between 0 and 36500"):
        retention.purge_expired(days=10**12)
