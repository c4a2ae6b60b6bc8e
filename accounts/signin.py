"""Signing someone in straight after making their account (a grown-up's sign-up, a student joining a class)."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpRequest

from .models import User

# django-axes adds an authentication backend of its own, so Django must be told which one vouches.
MODEL_BACKEND = "accounts.backends.PauseModelBackend"


def sign_in(request: HttpRequest, user: User) -> None:
    login(request, user, backend=MODEL_BACKEND)
