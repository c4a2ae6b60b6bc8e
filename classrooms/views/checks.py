"""The before-and-after checks for a teacher (one class) and a school admin (the whole school).

Charts, a table of the same numbers and a CSV; totals only, hidden below the minimum on either side.
"""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts import selectors as account_selectors
from accounts.decorators import AuthenticatedRequest, school_admin_required, staff_required
from core.visibility import MIN_CHECK_STUDENTS
from prepost.charts import distribution_svg
from prepost.selectors import ModuleTotals

from ..check_exports import HIDDEN, checks_csv_filename, checks_csv_lines
from ..selectors import checks as selectors
from .access import access_classroom


def _charted(totals: list[ModuleTotals]) -> list[tuple[ModuleTotals, list[tuple[object, str]]]]:
    return [
        (
            module,
            [
                (distribution, distribution_svg(distribution, chart_id=f"chart-{module.module.id}-{index}"))
                for index, distribution in enumerate(module.distributions)
            ],
        )
        for module in totals
    ]


def _csv(totals: list[ModuleTotals], name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(checks_csv_lines(totals), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{checks_csv_filename(name, timezone.localdate())}"'
    return response


@staff_required
@require_safe
def class_checks(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = access_classroom(request, classroom_id)
    context = {
        "classroom": classroom,
        "modules": _charted(selectors.class_check_totals(classroom=classroom)),
        "minimum": MIN_CHECK_STUDENTS,
        "hidden": HIDDEN,
    }
    return render(request, "classrooms/checks.html", context)


@staff_required
@require_safe
def class_checks_csv(request: AuthenticatedRequest, classroom_id: int) -> StreamingHttpResponse:
    classroom = access_classroom(request, classroom_id)
    return _csv(selectors.class_check_totals(classroom=classroom), classroom.name)


@school_admin_required
@require_safe
def school_checks(request: AuthenticatedRequest) -> HttpResponse:
    context = {
        "school": account_selectors.school_for_staff(user=request.user),
        "modules": _charted(selectors.school_check_totals(user=request.user)),
        "minimum": MIN_CHECK_STUDENTS,
        "hidden": HIDDEN,
    }
    return render(request, "classrooms/checks.html", context)


@school_admin_required
@require_safe
def school_checks_csv(request: AuthenticatedRequest) -> StreamingHttpResponse:
    school = account_selectors.school_for_staff(user=request.user)
    return _csv(selectors.school_check_totals(user=request.user), school.name if school else "school")
