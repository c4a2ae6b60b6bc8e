"""Reads about accounts that other apps' pages need."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from .models import School, StaffMembership, User

logger = logging.getLogger(__name__)


def school_for_staff(*, user: User | AnonymousUser) -> School | None:
    """The school a teacher or school admin works at; None for anyone else."""
    if not (isinstance(user, User) and user.is_staff_member):
        return None
    membership = StaffMembership.objects.filter(user=user).select_related("school").first()
    return membership.school if membership else None


def staff_member_get_for_admin(*, admin: User, member_id: int) -> User:
    """A teacher or admin of this school admin's own school; 404 for anyone else (another school's, a
    student, a parent, nobody)."""
    school = school_for_staff(user=admin)
    member = (
        User.objects.filter(pk=member_id, role__in=User.STAFF_ROLES, staff_membership__school=school)
        .select_related("staff_membership__school")
        .first()
        if school is not None and admin.is_school_admin
        else None
    )
    if member is None:
        logger.warning("refused: staff %s is not at the school of admin %s", member_id, admin.pk)
        raise Http404("No such member of staff.")
    return member


def school_staff_active(*, school: School) -> list[User]:
    """Who may be given a class: the school's active teachers and admins."""
    return list(
        User.objects.filter(staff_membership__school=school, role__in=User.STAFF_ROLES, is_active=True).order_by(
            "first_name", "pk"
        )
    )
