"""A school admin's page: the school's staff code, its staff and every class."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts import selectors as account_selectors
from accounts import services as account_services
from accounts.decorators import AuthenticatedRequest, school_admin_required

from ..selectors import teaching


@school_admin_required
@require_safe
def school(request: AuthenticatedRequest) -> HttpResponse:
    school = account_selectors.school_for_staff(user=request.user)
    context = {
        "school": school,
        "staff": teaching.school_staff(school=school) if school else [],
        "classrooms": teaching.teacher_overview(user=request.user),
        "signup_url": request.build_absolute_uri(reverse("signup-staff")),
    }
    return render(request, "classrooms/school.html", context)


@school_admin_required
@require_POST
def school_code_rotate(request: AuthenticatedRequest) -> HttpResponse:
    school = account_selectors.school_for_staff(user=request.user)
    if school is not None:
        account_services.school_rotate_staff_code(school=school)
        messages.success(request, f"The new school code is {school.staff_code}. The old one no longer works.")
    return redirect("classrooms:school")
