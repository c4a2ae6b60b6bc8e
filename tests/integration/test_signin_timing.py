"""Signing in does the same hashing work for a real and an unknown username (security review F7).

Timing is not measured (it is noisy on a shared machine): the test counts the PBKDF2 rounds
each sign-in asks for, with the production hashers, which is what the time follows.
"""

from __future__ import annotations

import hashlib
from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from accounts.hashers import StudentPassphraseHasher
from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_wrong_password_costs_the_same_rounds_for_a_real_and_an_unknown_username(rf, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "accounts.hashers.StudentPassphraseHasher",
    ]
    rounds: list[int] = []

    def pbkdf2_spy(password, salt, iterations, dklen=0, digest=None):
        rounds.append(iterations)
        return hashlib.sha256(f"{password}|{salt}".encode()).digest()  # cheap, and still tells passwords apart

    with mock.patch("django.contrib.auth.hashers.pbkdf2", pbkdf2_spy):
        student = User(username="maple-otter-27", role=User.Role.STUDENT)
        adult = User(username="rivera@example.org", email="rivera@example.org", role=User.Role.TEACHER)
        for user in (student, adult):
            user.set_password("their real password")
            user.save()
        work = {}
        for username in (student.username, "maple-otter-99", adult.username, "nobody@example.org"):
            rounds.clear()
            assert authenticate(rf.post("/accounts/login/"), username=username, password="a wrong guess") is None
            work[username] = list(rounds)

    student_rounds, adult_rounds = [StudentPassphraseHasher.iterations], [PBKDF2PasswordHasher.iterations]
    assert student_rounds != adult_rounds  # the difference an unknown name used to give away
    assert work["maple-otter-27"] == student_rounds
    assert work["maple-otter-99"] == student_rounds
    assert work["rivera@example.org"] == adult_rounds
    assert work["nobody@example.org"] == adult_rounds
