"""Guessable codes (class, family, school staff): limited per browser and per address, never locking out a school.

The browser is the test client's cookie jar: a second ``Client`` is another pupil's browser behind the
same router (the same REMOTE_ADDR).
"""

from __future__ import annotations

import datetime
import logging

import pytest
from django.test import Client

from accounts.models import CodeAttempt, User
from classrooms.services import families as family_services
from tests.classroom_world import PASSWORD, build_school, signed_in

pytestmark = pytest.mark.django_db

WRONG = {"code": "QQQQ-QQQQ", "nickname": "Sam"}


@pytest.fixture
def school():
    return build_school("a")


def join(client, code, nickname="Sam", **extra):
    return client.post("/join/", {"code": code, "nickname": nickname}, **extra)


def test_one_browser_that_keeps_guessing_stops_only_itself(client, school, settings):
    settings.CODE_LIMIT_BROWSER = 3
    for _ in range(3):
        response = join(client, "QQQQ-QQQQ")
        assert response.status_code == 400
        assert "did not work" in response.content.decode()
    limited = join(client, school.classroom.join_code)
    assert limited.status_code == 429
    assert "Too many wrong codes from this browser" in limited.content.decode()
    assert not User.objects.filter(first_name="Sam").exists()
    # Another pupil's browser on the same network joins with the right code at once.
    assert join(Client(), school.classroom.join_code, "Ana").status_code == 302
    assert User.objects.filter(first_name="Ana").exists()


def test_the_address_ceiling_stops_a_script_that_drops_its_cookie(school, settings):
    settings.CODE_LIMIT_BROWSER, settings.CODE_LIMIT_ADDRESS = 2, 5
    for _ in range(5):
        assert join(Client(), "QQQQ-QQQQ").status_code == 400  # a fresh browser every time
    limited = join(Client(), school.classroom.join_code)
    assert limited.status_code == 429
    assert "from this network" in limited.content.decode()
    # Another network is not affected.
    assert join(Client(), school.classroom.join_code, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_the_teacher_sees_joins_refused_for_too_many_wrong_codes(client, school, settings):
    settings.CODE_LIMIT_BROWSER = 1
    join(client, "QQQQ-QQQQ")
    assert join(client, school.classroom.join_code).status_code == 429
    assert join(client, school.classroom.join_code).status_code == 429
    page = signed_in(Client(), school.teacher).get(f"/teach/classes/{school.classroom.pk}/").content.decode()
    assert "2 joins to this class were refused in the last hour for too many wrong codes" in page
    assert "hand out login cards" in page
    other = build_school("b")
    quiet = signed_in(Client(), other.teacher).get(f"/teach/classes/{other.classroom.pk}/").content.decode()
    assert "were refused" not in quiet


def test_successful_joins_are_limited_per_class_and_the_teacher_is_told(school, settings):
    settings.JOINS_PER_CLASS = 2
    for n in range(2):
        assert join(Client(), school.classroom.join_code, f"Pupil{n}").status_code == 302
    full = join(Client(), school.classroom.join_code, "Extra")
    assert full.status_code == 429
    assert "joining it is paused" in full.content.decode()
    assert not User.objects.filter(first_name="Extra").exists()
    page = signed_in(Client(), school.teacher).get(f"/teach/classes/{school.classroom.pk}/").content.decode()
    assert "1 join to this class was refused in the last hour because many students joined at once" in page
    # Another class is not full.
    other = build_school("b")
    assert join(Client(), other.classroom.join_code, "Elsewhere").status_code == 302


def test_successful_joins_are_limited_per_address(school, settings):
    settings.JOINS_PER_ADDRESS = 2
    other = build_school("b")
    assert join(Client(), school.classroom.join_code, "One").status_code == 302
    assert join(Client(), other.classroom.join_code, "Two").status_code == 302
    assert join(Client(), school.classroom.join_code, "Three").status_code == 429
    assert join(Client(), school.classroom.join_code, "Four", REMOTE_ADDR="10.1.1.1").status_code == 302


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(school, settings):
    settings.CODE_LIMIT_ADDRESS = 2
    settings.PAUSE_TRUSTED_PROXIES = 1
    settings.PAUSE_PROXY_ADDRESSES = ["10.0.0.1"]
    for _ in range(2):
        join(Client(), "QQQQ-QQQQ", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    # Same proxy, another client: not limited. A spoofed left-hand entry changes nothing.
    ok = join(
        Client(), school.classroom.join_code, "T", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 7.7.7.7"
    )
    assert ok.status_code == 302
    limited = join(Client(), school.classroom.join_code, "U", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert limited.status_code == 429


def test_too_many_wrong_family_codes_are_answered_429_too(client, school, settings):
    settings.CODE_LIMIT_BROWSER = 2
    signed_in(client, school.parent)
    for _ in range(2):
        wrong = client.post("/family/", {"code": "QQQQ-QQQQ"})
        assert wrong.status_code == 400
        assert "did not work" in wrong.content.decode()
    code = family_services.family_code_create(student=school.student).code
    limited = client.post("/family/", {"code": code})
    assert limited.status_code == 429
    assert "Too many wrong codes" in limited.content.decode()
    # A class code is counted on its own.
    client.logout()
    assert join(client, school.classroom.join_code).status_code == 302


def staff_signup(client, code, email):
    return client.post(
        "/accounts/signup/teacher/",
        {"name": "New", "email": email, "password": PASSWORD, "school_choice": "join", "staff_code": code},
    )


def test_wrong_school_codes_at_staff_sign_up_are_limited_too(client, school, settings):
    """F1: a right guess makes the guesser a teacher in that school, so guessing is limited like class codes."""
    settings.CODE_LIMIT_BROWSER, settings.CODE_LIMIT_ADDRESS = 3, 5
    for n in range(3):
        response = staff_signup(client, "QQQQ-QQQQ", f"guess{n}@example.org")
        assert "That school code is not right" in response.content.decode()
    right = school.admin.staff_membership.school.staff_code
    limited = staff_signup(client, right, "guess-right@example.org")
    assert limited.status_code == 429
    assert not User.objects.filter(email="guess-right@example.org").exists()
    for n in range(2):  # fresh browsers: the address ceiling
        staff_signup(Client(), "QQQQ-QQQQ", f"fresh{n}@example.org")
    assert staff_signup(Client(), right, "fresh-right@example.org").status_code == 429
    assert staff_signup(Client(REMOTE_ADDR="10.2.2.2"), right, "elsewhere@example.org").status_code == 302


def test_a_request_without_an_address_is_counted_per_browser_only(school, settings):
    settings.CODE_LIMIT_BROWSER, settings.CODE_LIMIT_ADDRESS = 5, 2
    for _ in range(3):
        assert join(Client(), "QQQQ-QQQQ", REMOTE_ADDR="").status_code == 400
    assert not CodeAttempt.objects.exclude(source="").exists()
    assert join(Client(), school.classroom.join_code, REMOTE_ADDR="").status_code == 302


def test_the_address_and_the_token_are_stored_only_as_keyed_hashes_and_never_logged(client, school, settings, caplog):
    settings.CODE_LIMIT_BROWSER = 1
    caplog.set_level(logging.INFO, logger="accounts")
    join(client, "QQQQ-QQQQ", REMOTE_ADDR="203.0.113.7")
    limited = join(client, "QQQQ-QQQQ", REMOTE_ADDR="203.0.113.7")
    assert limited.status_code == 429
    (row,) = CodeAttempt.objects.all()
    token = next(value.value for name, value in client.cookies.items() if "pausebrowser" in name)
    assert len(row.source) == len(row.browser) == 64
    assert "203.0.113" not in row.source
    assert token not in row.browser
    assert any("throttled" in record.getMessage() for record in caplog.records)
    assert not any("203.0.113" in record.getMessage() or "Sam" in record.getMessage() for record in caplog.records)


def test_a_forged_browser_cookie_is_a_new_browser(school, settings):
    settings.CODE_LIMIT_BROWSER = 1
    client = Client()
    join(client, "QQQQ-QQQQ")
    assert join(client, school.classroom.join_code).status_code == 429
    client.cookies["pausebrowser"] = "forged"
    assert join(client, school.classroom.join_code).status_code == 302  # unsigned: ignored, a fresh token


def test_old_attempts_stop_counting_and_are_forgotten(client, school, settings):
    settings.CODE_LIMIT_BROWSER = 1
    join(client, "QQQQ-QQQQ")
    CodeAttempt.objects.update(at=CodeAttempt.objects.get().at - datetime.timedelta(seconds=settings.JOINS_WINDOW + 1))
    assert join(client, "QQQQ-QQQQ").status_code == 400  # not limited
    assert CodeAttempt.objects.count() == 1  # the old one went when the new one came


def test_an_invisible_nickname_is_refused_on_its_field_and_is_not_a_wrong_code(client, school):
    """F17 at the door: two zero-width spaces are no name; the right code is not counted as a guess."""
    response = join(client, school.classroom.join_code, "\u200b\u200b")
    assert response.status_code == 400
    assert "at least one letter or number" in response.content.decode()
    assert not CodeAttempt.objects.exists()
    assert join(client, school.classroom.join_code, "\u202eSam\u200b").status_code == 302
    assert User.objects.filter(first_name="Sam", role=User.Role.STUDENT).exists()


def test_purge_expired_forgets_old_attempts(client, school):
    from classrooms.services.retention import purge_expired

    join(client, "QQQQ-QQQQ")
    CodeAttempt.objects.update(at=CodeAttempt.objects.get().at - datetime.timedelta(hours=2))
    purge_expired(days=365)
    assert not CodeAttempt.objects.exists()
