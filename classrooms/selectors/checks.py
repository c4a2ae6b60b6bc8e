"""The before-and-after checks' totals for a class, or for a school admin's whole school.

Which students: those of a class the viewer may see (``access``). What of them: prepost's totals,
which follow ``core.visibility``: counts only, and nothing for a module until enough students have
taken its check before and after.
"""

from __future__ import annotations

from accounts.models import User
from prepost import selectors as prepost_selectors
from prepost.selectors import ModuleTotals

from ..models import Classroom, Enrolment
from .access import classrooms_visible_to


def class_check_totals(*, classroom: Classroom) -> list[ModuleTotals]:
    """Call with a class from ``access.classroom_get_for_teacher``."""
    students = Enrolment.objects.filter(classroom=classroom).values_list("student_id", flat=True)
    return prepost_selectors.group_totals(user_ids=students)


def school_check_totals(*, user: User) -> list[ModuleTotals]:
    """Every student in the classes this school admin may see, each counted once."""
    classes = classrooms_visible_to(user=user)
    students = Enrolment.objects.filter(classroom__in=classes).values_list("student_id", flat=True).distinct()
    return prepost_selectors.group_totals(user_ids=students)
