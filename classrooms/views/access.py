"""The class (and student) a teacher's URL names, fetched with the permission check inside: or 404.

Zulip's ``access_stream_by_id`` shape, for the views behind ``@staff_required`` (a visitor or another
role has been turned away already). Another teacher's class, another school's, and a class that
does not exist all look the same: not found (the refusal is logged by the selector).
"""

from __future__ import annotations

from accounts.decorators import AuthenticatedRequest
from accounts.models import User

from ..models import Classroom
from ..selectors import access


def access_classroom(request: AuthenticatedRequest, classroom_id: int) -> Classroom:
    """This teacher's class (or, for a school admin, any class of their school); 404 for anyone else."""
    return access.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)


def access_student(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> tuple[Classroom, User]:
    """A student of a class this teacher may see, with that class; 404 for anyone else."""
    classroom = access_classroom(request, classroom_id)
    return classroom, access.student_get_for_teacher(classroom=classroom, student_id=student_id)
