"""The class (and student) a teacher's URL names: fetched with the permission check inside, or 404.

Zulip's ``access_stream_by_id`` shape. A visitor or another role has already been turned away by
``@staff_required``; here another teacher's class, another school's, and a class that does not
exist all look the same: not found.
"""

from __future__ import annotations

import logging

from django.http import Http404

from accounts.decorators import AuthenticatedRequest
from accounts.models import User

from ..models import Classroom
from ..selectors import access

logger = logging.getLogger(__name__)


def access_classroom(request: AuthenticatedRequest, classroom_id: int) -> Classroom:
    """This teacher's class (or, for a school admin, any class of their school); 404 for anyone else."""
    try:
        return access.classroom_get_for_teacher(user=request.user, classroom_id=classroom_id)
    except Http404:
        logger.warning("refused: user %s may not see class %s", request.user.pk, classroom_id)
        raise


def access_student(request: AuthenticatedRequest, classroom_id: int, student_id: int) -> tuple[Classroom, User]:
    """A student of a class this teacher may see, with that class; 404 for anyone else."""
    classroom = access_classroom(request, classroom_id)
    try:
        return classroom, access.student_get_for_teacher(classroom=classroom, student_id=student_id)
    except Http404:
        logger.warning("refused: user %s asked for student %s in class %s", request.user.pk, student_id, classroom_id)
        raise
