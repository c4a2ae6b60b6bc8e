"""Links that one app adds to pages another app draws.

`core` and `courses` know nothing of classrooms or quizzes, yet the account menu
names each role's own page and a module page links to the module's quiz. So the
page asks a hook, and the app that owns the link registers a provider in its
`AppConfig.ready()`:

    # quizzes/apps.py
    def ready(self) -> None:
        from core.hooks import module_links
        from .links import quiz_links      # quiz_links(module) -> list[Link]

        module_links.register(quiz_links)

A provider returns the links that apply (often none). Calling the hook returns
every provider's links, in the order the providers were registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.http import HttpRequest

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Link:
    """A link to draw: the words a reader sees and where it goes."""

    label: str
    url: str
    note: str = ""  # a sentence shown before the link, where the page draws it as an offer
    dismiss_url: str = ""  # where an offer's "Not now" button posts, if it has one


class Hook(Generic[T]):
    """An ordered registry of link providers, each called with the same argument."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._providers: list[Callable[[T], Iterable[Link]]] = []

    def register(self, provider: Callable[[T], Iterable[Link]]) -> Callable[[T], Iterable[Link]]:
        """Add a provider; registering the same one again does nothing. Works as a decorator."""
        if provider not in self._providers:
            self._providers.append(provider)
        return provider

    def unregister(self, provider: Callable[[T], Iterable[Link]]) -> None:
        """Remove a provider (for tests that register one of their own)."""
        if provider in self._providers:
            self._providers.remove(provider)

    def __call__(self, arg: T) -> list[Link]:
        return [link for provider in self._providers for link in provider(arg)]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._providers)} provider(s)>"


account_links: Hook[HttpRequest] = Hook("account_links")
"""The account menu, called with the request: e.g. classrooms adds "My classes" for a student.
Sign in and sign out are core's own (Django's `login`/`logout` URL names), after these links.
A visitor's links must be the same for every visitor, whatever else the request holds:
a visitor's whole header is a cached fragment, one per kind of page (core/templates/base.html)."""

account_page_links: Hook[HttpRequest] = Hook("account_page_links")
"""Further links on "Your account" (accounts' page), called with the request: e.g. classrooms
adds "Delete your account…" for a teacher or a parent, whose deletion it owns."""

module_links: Hook[Any] = Hook("module_links")
"""Called with a `courses.domain.Module` (typed `Any`: core imports no other app); the links
show on the module's page and after its last lesson, e.g. quizzes adds "Take the quiz"."""

teaching_links: Hook[Any] = Hook("teaching_links")
"""Called with a `courses.domain.Module`; the links show on the module's teacher notes, e.g.
quizzes adds the printable module pack (it holds the knowledge checks and the story)."""

page_report_links: Hook[str] = Hook("page_report_links")
"""Called with a page's path; the links show at the foot of lessons, guides, law cards and help,
e.g. feedback adds "Report a problem with this page" (/report/?page=<path>)."""
home_teacher_links: Hook[HttpRequest] = Hook("home_teacher_links")
"""The home page's "I'm a teacher" door, called with the request: e.g. classrooms adds
"Set up a class (free)" (to sign-up, or to the teacher's classes when signed in)."""

home_student_links: Hook[HttpRequest] = Hook("home_student_links")
"""The home page's "I'm a student" door, called with the request: e.g. classrooms adds "Join your class"."""

module_end_links: Hook[tuple[HttpRequest, Any]] = Hook("module_end_links")
"""Called with ``(request, module)`` on a module's quiz result, the end of the module: e.g.
classrooms asks a student of a class that has the module set for a question (or "no question")."""

school_page_links: Hook[HttpRequest] = Hook("school_page_links")
"""Links for teachers on /schools/ (core's page), called with the request: e.g. quizzes adds the
curriculum map, which it draws because it joins lessons with quiz questions."""


@dataclass(frozen=True, slots=True)
class ModuleVisit:
    """A reader on a module's page or its first lesson (`module` typed `Any`, as above)."""

    request: HttpRequest
    module: Any


module_prompts: Hook[ModuleVisit] = Hook("module_prompts")
"""Offers for this reader on a module's page and its first lesson, each a `Link` with a `note`:
e.g. prepost offers a signed-in student the module's "before" check, until taken or put off."""
