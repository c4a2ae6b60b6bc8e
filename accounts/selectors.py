"""Reads about accounts that other apps' pages need."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from .models import School, StaffMembership, User


def school_for_staff(*, user: User | AnonymousUser) -> School | None:
    """The school a teacher or school admin works at; None for anyone else."""
    if not (isinstance(user, User) and user.is_staff_member):
        return None
    membership = StaffMembership.objects.filter(user=user).select_related("school").first()
    return membership.school if membership else None
