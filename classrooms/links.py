"""Each role's own page: where signing in lands, and its link in the account menu (``core.hooks``)."""

from __future__ import annotations

from typing import Any, NamedTuple

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from core.hooks import Link

from .selectors import questions


class OwnPage(NamedTuple):
    label: str
    url_name: str


# One table for the account menu and for where signing in lands.
OWN_PAGES: dict[str, OwnPage] = {
    User.Role.STUDENT: OwnPage("My classes", "classrooms:me"),
    User.Role.TEACHER: OwnPage("Teach", "classrooms:teach"),
    User.Role.SCHOOL_ADMIN: OwnPage("Teach", "classrooms:teach"),
    User.Role.PARENT: OwnPage("My family", "classrooms:family"),
}


def own_page(user: User | AnonymousUser) -> OwnPage | None:
    """This person's own page, or None (a visitor, or an admin-site account with no role)."""
    return OWN_PAGES.get(user.role) if isinstance(user, User) else None


def account_links(request: HttpRequest) -> list[Link]:
    """The ``core.hooks.account_links`` provider: a link to the signed-in person's own page."""
    page = own_page(request.user)
    return [Link(label=page.label, url=reverse(page.url_name))] if page else []


# Where each adult deletes their own account (classrooms owns what deleting means for classes and links).
DELETE_PAGES: dict[str, str] = {
    User.Role.TEACHER: "classrooms:account-delete",
    User.Role.SCHOOL_ADMIN: "classrooms:account-delete",
    User.Role.PARENT: "classrooms:family-delete",
}


def deletion_links(request: HttpRequest) -> list[Link]:
    """The ``core.hooks.account_page_links`` provider: "Delete your account…" for a teacher or a parent."""
    url_name = DELETE_PAGES.get(request.user.role) if isinstance(request.user, User) else None
    return [Link(label="Delete your account…", url=reverse(url_name))] if url_name else []


def home_teacher_links(request: HttpRequest) -> list[Link]:
    """The ``core.hooks.home_teacher_links`` provider: start a class (sign up first, unless signed in as staff)."""
    user = request.user
    staff = isinstance(user, User) and user.is_staff_member
    start = reverse("classrooms:teach") if staff else reverse("signup-staff")
    return [
        Link(label="Set up a class (free)", url=start),
        Link(label="How Pause works in school", url=reverse("classrooms:how-it-works")),
    ]


def home_student_links(request: HttpRequest) -> list[Link]:
    """The ``core.hooks.home_student_links`` provider: join a class with the teacher's code."""
    return [Link(label="Join your class", url=reverse("classrooms:join"))]


def question_box_links(arg: tuple[HttpRequest, Any]) -> list[Link]:
    """The ``core.hooks.module_end_links`` provider: at the end of a module its class set, every student
    is asked for a question (or "no question"), so asking stands out to no one."""
    request, module = arg
    classes = questions.classrooms_to_ask(user=request.user, module_id=module.id)
    return [
        Link(
            label=f"Ask {classroom.name}’s question box a question, or write ‘no question’"
            if len(classes) > 1
            else "Ask a question, or write ‘no question’",
            url=reverse("classrooms:ask", args=[classroom.pk]),
        )
        for classroom in classes
    ]
