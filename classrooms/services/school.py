"""A school's classes changing hands: one class or all of a teacher's, and a teacher leaving for good.

Archived classes can be handed on too: archiving freezes what a class holds (names, passphrases,
places, assignments), not who looks after it, and a teacher who leaves must not strand a class that
the retention period still keeps (F13, F5).
"""

from __future__ import annotations

import logging

from django.db import transaction

from accounts import services as account_services
from accounts.errors import Refused
from accounts.models import User

from ..models import Classroom

logger = logging.getLogger(__name__)


def _check_new_teacher(*, school_id: int, teacher: User, current: User | None) -> None:
    at_school = getattr(teacher, "staff_membership", None)
    if not (teacher.is_staff_member and teacher.is_active and at_school and at_school.school_id == school_id):
        raise Refused("Choose an active teacher at this school.")
    if current is not None and teacher.pk == current.pk:
        raise Refused(f"{teacher.first_name} already teaches it. Choose another teacher.")


@transaction.atomic
def classroom_hand_over(*, classroom: Classroom, to_teacher: User) -> Classroom:
    """Give one class to another active teacher of the same school; its students and progress go with it."""
    classroom = Classroom.objects.select_for_update().select_related("teacher").get(pk=classroom.pk)
    _check_new_teacher(school_id=classroom.school_id, teacher=to_teacher, current=classroom.teacher)
    classroom.teacher = to_teacher
    classroom.full_clean(exclude=["school", "teacher"], validate_unique=False)
    classroom.save(update_fields=["teacher"])
    logger.info("class %s handed to staff %s", classroom.pk, to_teacher.pk)
    return classroom


@transaction.atomic
def classrooms_hand_over_all(*, from_teacher: User, to_teacher: User) -> int:
    """Every class of one teacher (archived ones too) to another of the same school. Returns how many."""
    school_id = from_teacher.staff_membership.school_id
    _check_new_teacher(school_id=school_id, teacher=to_teacher, current=from_teacher)
    moved = Classroom.objects.filter(teacher=from_teacher, school_id=school_id).update(teacher=to_teacher)
    logger.info("%d classes of staff %s handed to staff %s", moved, from_teacher.pk, to_teacher.pk)
    return moved


@transaction.atomic
def staff_account_delete(*, user: User) -> None:
    """A teacher deletes their own account: only once no class is theirs, and never the last admin."""
    user = User.objects.select_for_update().get(pk=user.pk)
    account_services.ensure_not_last_admin(member=user)
    classes = Classroom.objects.filter(teacher=user).count()
    if classes:
        raise Refused(
            f"{classes} class{'es' if classes != 1 else ''} still {'have' if classes != 1 else 'has'} you as "
            "teacher. Hand them to another teacher first (or ask your school admin to), then delete your account."
        )
    account_services.user_delete(user=user)
