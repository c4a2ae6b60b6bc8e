"""Who may see what. Every permission rule on classes, students and family links lives here.

A refusal is a 404 (another teacher's class and a class that does not exist look the same) and a
warning in the log with ids and the reason, never a name.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User

from ..models import Assignment, Classroom, FamilyLink

logger = logging.getLogger(__name__)


def classrooms_visible_to(*, user: User | AnonymousUser) -> QuerySet[Classroom]:
    """A teacher's own classes; a school admin's whole school. Nobody else's."""
    if not (isinstance(user, User) and user.is_staff_member):
        return Classroom.objects.none()
    if user.is_school_admin:
        return Classroom.objects.filter(school__staff__user=user)
    return Classroom.objects.filter(teacher=user, school__staff__user=user)


def classroom_get_for_teacher(*, user: User | AnonymousUser, classroom_id: int) -> Classroom:
    classroom = classrooms_visible_to(user=user).select_related("teacher", "school").filter(pk=classroom_id).first()
    if classroom is None:
        logger.warning("refused: class %s is not one user %s may see", classroom_id, user.pk)
        raise Http404("No such class.")
    return classroom


def student_get_for_teacher(*, classroom: Classroom, student_id: int) -> User:
    """A student of a class this teacher may see (call classroom_get_for_teacher first)."""
    student = User.objects.filter(pk=student_id, role=User.Role.STUDENT, enrolments__classroom=classroom).first()
    if student is None:
        logger.warning("refused: student %s is not in class %s", student_id, classroom.pk)
        raise Http404("No such student in this class.")
    return student


def student_deletable_by(*, user: User, student: User) -> bool:
    """A teacher may delete a student only if every class the student is in is one this teacher may see."""
    theirs = Classroom.objects.filter(enrolments__student=student)
    return not theirs.exclude(pk__in=classrooms_visible_to(user=user).values("pk")).exists()


def assignment_get_for_teacher(*, classroom: Classroom, assignment_id: int) -> Assignment:
    assignment = Assignment.objects.filter(pk=assignment_id, classroom=classroom).first()
    if assignment is None:
        logger.warning("refused: assignment %s is not in class %s", assignment_id, classroom.pk)
        raise Http404("No such assignment.")
    return assignment


def family_link_get_for_student(*, student: User, link_id: int) -> FamilyLink:
    link = FamilyLink.objects.filter(pk=link_id, student=student).first()
    if link is None:
        logger.warning("refused: family link %s is not student %s's", link_id, student.pk)
        raise Http404("No such link.")
    return link
