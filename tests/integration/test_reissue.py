"""D3, F10, F20: new login cards after a confirmation, for the students ticked; a new passphrase lifts a
lockout; plain passphrases leave the session once shown, and within five minutes anyway."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from accounts.models import User
from classrooms.views.common import ISSUED_KEY
from tests.classroom_world import build_school, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return build_school("a", students=4)


def passwords(classroom):
    return dict(User.objects.filter(enrolments__classroom=classroom).values_list("username", "password"))


def test_new_cards_for_everyone_first_says_what_happens_and_changes_nothing(client, school):
    signed_in(client, school.teacher)
    before = passwords(school.classroom)
    page = client.get(f"/teach/classes/{school.classroom.pk}/cards/new/").content.decode()
    assert "4 students’ old cards stop working and they are signed out" in page
    assert page.count('name="students"') == 4
    assert page.count(" checked") == 4  # everyone ticked at first
    unconfirmed = client.post(f"/teach/classes/{school.classroom.pk}/cards/new/", {"students": [school.student.pk]})
    assert unconfirmed.status_code == 400
    assert "Tick this box to confirm" in unconfirmed.content.decode()
    assert passwords(school.classroom) == before


def test_only_the_ticked_students_get_new_cards(client, school):
    signed_in(client, school.teacher)
    ticked = list(User.objects.filter(enrolments__classroom=school.classroom).order_by("pk")[:2])
    before = passwords(school.classroom)
    response = client.post(
        f"/teach/classes/{school.classroom.pk}/cards/new/", {"confirm": "on", "students": [s.pk for s in ticked]}
    )
    assert response.status_code == 302
    after = passwords(school.classroom)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {s.username for s in ticked}
    cards = client.get(response["Location"])
    assert cards.content.decode().count("Passphrase:") == 2
    assert "no-store" in cards["Cache-Control"]
    # Shown once.
    assert client.get(response["Location"]).content.decode().count("Passphrase:") == 0


def test_a_student_of_another_class_cannot_be_ticked(client, school):
    other = build_school("b")
    signed_in(client, school.teacher)
    before = passwords(other.classroom)
    response = client.post(
        f"/teach/classes/{school.classroom.pk}/cards/new/", {"confirm": "on", "students": [other.student.pk]}
    )
    assert response.status_code == 400
    assert passwords(other.classroom) == before


def lock_out(username, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        Client().post("/accounts/login/", {"username": username, "password": "wrong words here"})
    locked = Client().post("/accounts/login/", {"username": username, "password": "still wrong"})
    assert locked.status_code == 429


def new_passphrase(teacher_client, response, username):
    cards = teacher_client.get(response["Location"]).content.decode()
    assert username in cards
    return cards.split(username, 1)[1].split('class="value">', 1)[1].split("<", 1)[0]


@pytest.mark.parametrize("how", ["one", "ticked"])
def test_a_new_passphrase_unlocks_a_locked_out_student(client, school, settings, how):
    """F10: a classmate's wrong guesses locked the username; the teacher's new card really lets them in."""
    username = school.student.username
    lock_out(username, settings)
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/"
    if how == "one":
        response = client.post(f"{base}students/{school.student.pk}/passphrase/")
    else:
        response = client.post(f"{base}cards/new/", {"confirm": "on", "students": [school.student.pk]})
    passphrase = new_passphrase(client, response, username)
    signed = Client().post("/accounts/login/", {"username": username, "password": passphrase})
    assert signed.status_code == 302


def test_passphrases_never_shown_leave_the_session_within_five_minutes(client, school):
    """F20: the teacher made cards and never opened them; five minutes on, any request drops them."""
    signed_in(client, school.teacher)
    client.post(f"/teach/classes/{school.classroom.pk}/cards/new/", {"confirm": "on", "students": [school.student.pk]})
    assert ISSUED_KEY in client.session
    session = client.session
    session[ISSUED_KEY] = {**session[ISSUED_KEY], "at": time.time() - 5 * 60 - 1}
    session.save()
    client.get("/teach/")  # any page at all
    assert ISSUED_KEY not in client.session
    assert client.get(f"/teach/classes/{school.classroom.pk}/cards/").content.decode().count("Passphrase:") == 0


def test_a_students_welcome_passphrase_is_shown_once_and_not_kept(client, school):
    response = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Newcomer"})
    assert response.status_code == 302
    welcome = client.get("/join/welcome/")
    assert "Passphrase" in welcome.content.decode()
    assert "no-store" in welcome["Cache-Control"]
    assert ISSUED_KEY not in client.session
