"""Each role's own page: where signing in lands, and its link in the account menu (``core.hooks``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from core.hooks import Link

# role -> (the menu's words, URL name); one table for the menu and for after_login.
OWN_PAGES: dict[str, tuple[str, str]] = {
    User.Role.STUDENT: ("My classes", "classrooms:me"),
    User.Role.TEACHER: ("Teach", "classrooms:teach"),
    User.Role.SCHOOL_ADMIN: ("Teach", "classrooms:teach"),
    User.Role.PARENT: ("My family", "classrooms:family"),
}


def own_page(user: User | AnonymousUser) -> tuple[str, str] | None:
    """``(label, URL name)`` of this person's own page, or None (a visitor, an admin-site account)."""
    return OWN_PAGES.get(user.role) if isinstance(user, User) else None


def account_links(request: HttpRequest) -> list[Link]:
    page = own_page(request.user)
    return [Link(label=page[0], url=reverse(page[1]))] if page else []
