"""A bad or spoofed X-Forwarded-For (security review F11): never a 500, never a way round a limit."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt

from accounts.models import User
from classrooms.services import students as student_services
from tests.classroom_world import build_school

pytestmark = pytest.mark.django_db

GARBAGE = ["garbage", "999.999.999.999", "' OR 1=1 --", "a" * 200]


@pytest.fixture
def behind_a_proxy(settings):
    """As the review's PostgreSQL target: one proxy trusted, which is the test client's 127.0.0.1."""
    settings.PAUSE_TRUSTED_PROXIES = 1
    settings.PAUSE_PROXY_ADDRESSES = ["127.0.0.1"]
    return settings


@pytest.mark.parametrize("claimed", GARBAGE)
def test_a_wrong_password_with_a_garbage_forwarded_address_is_a_normal_refusal(client, behind_a_proxy, claimed):
    User.objects.create_user("maple-otter-27", password="right-passphrase-1", role=User.Role.STUDENT)
    response = client.post(
        "/accounts/login/", {"username": "maple-otter-27", "password": "wrong"}, HTTP_X_FORWARDED_FOR=claimed
    )
    assert response.status_code == 200
    assert [attempt.ip_address for attempt in AccessAttempt.objects.all()] == ["127.0.0.1"]


@pytest.mark.parametrize("claimed", GARBAGE)
def test_joining_with_a_garbage_forwarded_address_works(client, behind_a_proxy, claimed):
    school = build_school("a", students=1)
    response = client.post(
        "/join/", {"code": school.classroom.join_code, "nickname": "Sam"}, HTTP_X_FORWARDED_FOR=claimed
    )
    assert response.status_code == 302
    wrong = client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"}, HTTP_X_FORWARDED_FOR=claimed)
    assert wrong.status_code == 400  # the form again, with its message: a wrong code, never a 500
    assert student_services.WRONG_JOIN_CODE in wrong.content.decode()


def test_rotating_the_header_from_outside_the_proxy_does_not_get_round_the_sign_in_lock(client, behind_a_proxy):
    behind_a_proxy.AXES_FAILURE_LIMIT = 3
    User.objects.create_user("maple-otter-27", password="right-passphrase-1", role=User.Role.STUDENT)
    for n in range(3):
        client.post(
            "/accounts/login/",
            {"username": "maple-otter-27", "password": "wrong"},
            REMOTE_ADDR="192.0.2.50",  # straight to gunicorn, not through the proxy
            HTTP_X_FORWARDED_FOR=f"10.1.0.{n}",
        )
    locked = client.post(
        "/accounts/login/",
        {"username": "maple-otter-27", "password": "right-passphrase-1"},
        REMOTE_ADDR="192.0.2.50",
        HTTP_X_FORWARDED_FOR="10.1.0.99",
    )
    assert locked.status_code == 429
