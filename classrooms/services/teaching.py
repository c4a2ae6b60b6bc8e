"""A teacher's classes: making, renaming codes, archiving, deleting, and assigning modules."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from accounts import credentials
from accounts.errors import Refused
from accounts.models import User

from ..models import Assignment, Classroom

ARCHIVED = "This class is archived, so it can’t be changed. Restore it first."


def ensure_open(classroom: Classroom) -> None:
    """The one guard that makes an archived class read-only (F13): every write to a class, its roster,
    its students' names, passphrases and places, its assignments and its code calls it first."""
    if classroom.archived:
        raise Refused(ARCHIVED)


@transaction.atomic
def classroom_create(*, teacher: User, name: str, age_band: str = "") -> Classroom:
    school = teacher.staff_membership.school

    def create(code: str) -> Classroom:
        classroom = Classroom(school=school, teacher=teacher, name=name.strip(), join_code=code, age_band=age_band)
        # A clashing code is an IntegrityError, and with_unique draws again; school and teacher are loaded rows.
        classroom.full_clean(exclude=["school", "teacher"], validate_unique=False)
        classroom.save()
        return classroom

    return credentials.with_unique(credentials.readable_code, create)


@transaction.atomic
def classroom_rotate_join_code(*, classroom: Classroom) -> Classroom:
    ensure_open(classroom)

    def rotate(code: str) -> Classroom:
        Classroom.objects.filter(pk=classroom.pk).update(join_code=code)
        classroom.join_code = code
        return classroom

    return credentials.with_unique(credentials.readable_code, rotate)


@transaction.atomic
def classroom_set_archived(*, classroom: Classroom, archived: bool) -> None:
    classroom.archived_at = timezone.now() if archived else None
    Classroom.objects.filter(pk=classroom.pk).update(archived_at=classroom.archived_at)


@transaction.atomic
def classroom_delete(*, classroom: Classroom) -> int:
    """Delete the class and its students' class data: students in no other class go entirely.

    Returns how many student accounts were deleted.
    """
    only_here = (
        User.objects.filter(enrolments__classroom=classroom, role=User.Role.STUDENT)
        .exclude(enrolments__classroom__in=Classroom.objects.exclude(pk=classroom.pk))
        .values_list("pk", flat=True)
    )
    ids = list(only_here)
    User.objects.filter(pk__in=ids).delete()
    classroom.delete()
    return len(ids)


@transaction.atomic
def assignment_set(
    *, classroom: Classroom, module_id: str, due_on: datetime.date | None, note: str
) -> tuple[Assignment, bool]:
    """Assign a module, or change its due date and note if it is already assigned."""
    ensure_open(classroom)
    note = note.strip()
    Assignment(classroom=classroom, module_id=module_id, due_on=due_on, note=note).full_clean(
        exclude=["classroom"], validate_unique=False, validate_constraints=False
    )
    return Assignment.objects.update_or_create(
        classroom=classroom, module_id=module_id, defaults={"due_on": due_on, "note": note}
    )


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    ensure_open(assignment.classroom)
    assignment.delete()


@transaction.atomic
def assignments_set_many(*, classroom: Classroom, picks: list[tuple[str, datetime.date | None]]) -> int:
    """Assign several modules at once, each with its due date; one already assigned keeps its note and
    takes the new date. Returns how many were newly assigned."""
    ensure_open(classroom)
    existing = {a.module_id: a for a in classroom.assignments.all()}
    created = 0
    for module_id, due_on in picks:
        if module_id in existing:
            Assignment.objects.filter(pk=existing[module_id].pk).update(due_on=due_on)
            continue
        assignment = Assignment(classroom=classroom, module_id=module_id, due_on=due_on)
        assignment.full_clean(exclude=["classroom"], validate_unique=False, validate_constraints=False)
        assignment.save()
        created += 1
    return created


@transaction.atomic
def classroom_set_letter_note(*, classroom: Classroom, letter_note: str) -> None:
    """The school's own paragraph on the class's letter to families (plain text; templates escape it)."""
    ensure_open(classroom)
    classroom.letter_note = letter_note.strip()
    classroom.full_clean(exclude=["school", "teacher"], validate_unique=False)
    Classroom.objects.filter(pk=classroom.pk).update(letter_note=classroom.letter_note)


@transaction.atomic
def classroom_set_age_band(*, classroom: Classroom, age_band: str) -> None:
    """The class's age band (one of the course's, or empty for mixed ages): it decides what is suggested and warned."""
    ensure_open(classroom)
    classroom.age_band = age_band
    Classroom.objects.filter(pk=classroom.pk).update(age_band=age_band)
