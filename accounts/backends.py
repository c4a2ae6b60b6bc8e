"""Signing in takes the same hashing work for a real and an unknown username (security review F7).

Django's ModelBackend hashes the password once with the default hasher when no user has the
username, so that a missing user costs as much as a wrong password. Here a student's password
is hashed with the cheaper student hasher (accounts/hashers.py), so an unknown student-style name
answered several times faster than a real one and the timing told which usernames exist.
Student usernames never hold "@" and grown-ups' always do (their email), so a missing username
is hashed with the hasher its owner would have: the student one without "@", the default with.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest

from .models import STUDENT_HASHER, User


def dummy_hasher(username: str) -> str:
    """The hasher a real account with this username would use."""
    return "default" if "@" in username else STUDENT_HASHER


class PauseModelBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            make_password(password, hasher=dummy_hasher(username))  # the same work as a wrong password
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
