"""Planning a class: several modules at once, the letter to families, and how Pause works in school."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.decorators import AuthenticatedRequest, staff_required
from accounts.errors import Refused
from core import visibility
from courses.registry import get_course

from .. import planning
from ..forms import AgeBandForm, AssignManyForm, LetterNoteForm
from ..models import Classroom
from ..selectors import progress
from ..selectors.teaching import ClassMatrix
from ..services import teaching as services
from .access import access_classroom
from .common import refused


def assign_many_form(classroom: Classroom, matrix: ClassMatrix, data: object = None) -> AssignManyForm:
    """Modules not yet assigned get dates a week apart (those that fit the class first); a class with
    none assigned starts with the suggested plan ticked."""
    course = get_course()
    band = course.age_band(classroom.age_band)
    assigned = {a.assignment.module_id: a.assignment.due_on for a in matrix.assigned}
    fresh = [m for m in course.modules if m.id not in assigned]
    fresh.sort(key=lambda m: not planning.fits(band, m))
    dates: dict[str, object] = {**planning.suggested_dates(fresh, timezone.localdate()), **assigned}
    ticked = [] if assigned else [m.id for m in planning.suggested_plan(course, band)]
    return AssignManyForm(data, classroom=classroom, initial_dates=dates, ticked=ticked)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def letter(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    """A printable letter to families: what is set and when, public links, how to link to their child."""
    classroom = access_classroom(request, classroom_id)
    form = LetterNoteForm(request.POST or None, instance=classroom)
    if request.method == "POST" and form.is_valid():
        try:
            services.classroom_set_letter_note(classroom=classroom, letter_note=form.cleaned_data["letter_note"])
        except Refused as refusal:
            return refused(request, refusal, classroom)
        messages.success(request, "The school’s paragraph is saved.")
        return redirect("classrooms:letter", classroom_id=classroom.pk)
    course = get_course()
    context = {
        "classroom": classroom,
        "form": form,
        "items": [
            (a, course.guide(a.module.parent_guide_id) if a.module and a.module.parent_guide_id else None)
            for a in progress.assigned_modules(classroom=classroom)
            if a.module is not None
        ],
        "site": request.build_absolute_uri("/").rstrip("/"),
        "parents_see": visibility.PARENTS_SEE,
    }
    return render(request, "classrooms/letter.html", context, status=400 if form.errors else 200)


@staff_required
@require_POST
def age_band_set(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    form = AgeBandForm(request.POST, instance=classroom)
    if not form.is_valid():
        messages.error(request, "Please choose one of the age bands listed.")
        return redirect("classrooms:class", classroom_id=classroom.pk)
    try:
        services.classroom_set_age_band(classroom=classroom, age_band=form.cleaned_data["age_band"])
    except Refused as refusal:
        return refused(request, refusal, classroom)
    band = get_course().age_band(classroom.age_band)
    messages.success(request, f"This class is now for {band.label if band else 'mixed ages'}.")
    return redirect("classrooms:class", classroom_id=classroom.pk)


@require_safe
def how_it_works(request: HttpRequest) -> HttpResponse:
    """How Pause works in school, for anyone (no sign-in): the plan comes from the course itself."""
    course = get_course()
    plans = [(band, planning.suggested_plan(course, band)) for band in course.age_bands]
    context = {
        "course": course,
        "plans": plans,
        "teachers_see": visibility.TEACHERS_SEE,
        "class_counts": visibility.CLASS_COUNTS,
        "class_checks": visibility.CLASS_CHECKS,
        "parents_see": visibility.PARENTS_SEE,
        "only_student": visibility.ONLY_THE_STUDENT,
        "signup_url": reverse("signup-staff"),
    }
    return render(request, "classrooms/how_it_works.html", context)
