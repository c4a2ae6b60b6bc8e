"""The links quizzes adds to other apps' pages, through core's hooks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from core.hooks import Link

from .registry import get_quiz


def quiz_links(module: Any) -> list[Link]:
    """On a module's page and after its last lesson: "Take the quiz", when the module has one."""
    if get_quiz(module.id) is None:
        return []
    return [Link("Take the quiz", reverse("quizzes:quiz", args=[module.id]))]


def progress_link(request: Any) -> list[Link]:
    """In the site's menu, for students and visitors (a visitor's progress lives in their session).

    Not for grown-ups: a teacher's or parent's menu leads to their students' or child's progress
    (Teach, My family), and their own "My progress" next to it read as if it were that (review D27).
    /progress/ itself stays open to them, for a teacher trying the course out.
    """
    if getattr(request.user, "is_adult", False):
        return []
    return [Link("My progress", reverse("quizzes:progress"))]


def pack_links(module: Any) -> list[Link]:
    """On a module's teacher notes: its printable pack (every module has one)."""
    return [
        Link(
            "Printable pack: notes, lessons, worksheet, story cards, exit slip",
            reverse("quizzes:pack", args=[module.id]),
        ),
        Link("Download the printable pack (PDF)", reverse("quizzes:pack-pdf", args=[module.id])),
    ]


def curriculum_link(request: Any) -> list[Link]:
    """On /schools/: the curriculum map, for the lead who asks what Pause covers."""
    return [Link("Curriculum map: what Pause covers, statement by statement", reverse("quizzes:curriculum"))]
