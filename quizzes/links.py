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
    """In the site's menu, for every reader (a visitor's progress lives in their session)."""
    return [Link("My progress", reverse("quizzes:progress"))]


def curriculum_link(request: Any) -> list[Link]:
    """On /schools/: the curriculum map, for the lead who asks what Pause covers."""
    return [Link("Curriculum map: what Pause covers, statement by statement", reverse("quizzes:curriculum"))]
