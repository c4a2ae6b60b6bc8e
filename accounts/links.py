"""The account menu's "Your account" for grown-ups (``core.hooks.account_links``); students have none."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from core.hooks import Link

from .models import User


def account_links(request: HttpRequest) -> list[Link]:
    user = request.user
    if isinstance(user, User) and user.is_adult:
        return [Link(label="Your account", url=reverse("account-settings"))]
    return []
