"""Teachers' index of every module's teacher notes (/teach/notes/): where the /teach/ page points."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import AuthenticatedRequest, staff_required
from courses.registry import get_course


@staff_required
@require_safe
def teacher_notes_index(request: AuthenticatedRequest) -> HttpResponse:
    """Each module with its ages, lesson count and a link to its notes. The notes themselves stay public."""
    modules = [module for module in get_course().modules if module.teacher_notes is not None]
    return render(request, "classrooms/teacher_notes.html", {"modules": modules})
