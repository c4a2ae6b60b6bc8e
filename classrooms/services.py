"""Writes for schools, classes, students and families. Each one is atomic and keyword-only."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts import credentials

from .models import Assignment, Classroom, Enrolment, FamilyCode, FamilyLink, School, StaffMembership

User = get_user_model()

FAMILY_CODE_DAYS = 7
NICKNAME_MAX = 40


class Refused(Exception):
    """A request that cannot be carried out; the message is safe to show to the person who asked."""


@dataclass(frozen=True)
class IssuedLogin:
    """A student's sign-in, shown once: the passphrase is stored only as a hash."""

    nickname: str
    username: str
    passphrase: str

    def as_session(self) -> dict:
        return {"nickname": self.nickname, "username": self.username, "passphrase": self.passphrase}


def _unique(make: Callable[[], str], create: Callable[[str], object], attempts: int = 8):
    """Create a row with a random unique value; a clash (one in billions) just draws again."""
    for _ in range(attempts):
        try:
            with transaction.atomic():
                return create(make())
        except IntegrityError:
            continue
    raise Refused("We could not make a unique code just now. Please try again.")


# --- staff and parents ----------------------------------------------------------------------


def _adult_create(*, email: str, name: str, password: str, role: str) -> User:
    email = User.objects.normalize_email(email).lower()
    taken = Refused("An account with that email already exists. Sign in instead.")
    if User.objects.filter(username__iexact=email).exists():
        raise taken
    try:
        with transaction.atomic():  # two sign-ups with one email at the same moment: one wins
            return User.objects.create_user(username=email, email=email, password=password, first_name=name, role=role)
    except IntegrityError:
        raise taken from None


@transaction.atomic
def staff_signup(*, email: str, name: str, password: str, school_name: str = "", staff_code: str = "") -> User:
    """A teacher signs up and either creates a school (becoming its school admin) or joins one by its code."""
    if staff_code:
        school = School.objects.filter(staff_code=credentials.normalise_code(staff_code)).first()
        if school is None:
            raise Refused("That school code is not right. Ask your school admin for it.")
        user = _adult_create(email=email, name=name, password=password, role=User.Role.TEACHER)
    else:
        school = _unique(
            credentials.readable_code, lambda code: School.objects.create(name=school_name.strip(), staff_code=code)
        )
        user = _adult_create(email=email, name=name, password=password, role=User.Role.SCHOOL_ADMIN)
    StaffMembership.objects.create(user=user, school=school)
    return user


@transaction.atomic
def parent_signup(*, email: str, name: str, password: str) -> User:
    return _adult_create(email=email, name=name, password=password, role=User.Role.PARENT)


@transaction.atomic
def school_rotate_staff_code(*, school: School) -> School:
    def rotate(code):
        School.objects.filter(pk=school.pk).update(staff_code=code)
        school.staff_code = code
        return school

    return _unique(credentials.readable_code, rotate)


# --- classes --------------------------------------------------------------------------------


def _ensure_open(classroom: Classroom) -> None:
    if classroom.archived:
        raise Refused("This class is archived, so it can’t be changed. Restore it first.")


@transaction.atomic
def classroom_create(*, teacher: User, name: str) -> Classroom:
    school = StaffMembership.objects.get(user=teacher).school
    return _unique(
        credentials.readable_code,
        lambda code: Classroom.objects.create(school=school, teacher=teacher, name=name.strip(), join_code=code),
    )


@transaction.atomic
def classroom_rotate_join_code(*, classroom: Classroom) -> Classroom:
    _ensure_open(classroom)

    def rotate(code):
        Classroom.objects.filter(pk=classroom.pk).update(join_code=code)
        classroom.join_code = code
        return classroom

    return _unique(credentials.readable_code, rotate)


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


@dataclass(frozen=True)
class Purged:
    classes: int
    students: int
    family_codes: int


def purge_expired(*, days: int, now: datetime.datetime | None = None) -> Purged:
    """Delete what the retention policy says must go (docs/privacy.md):

    - classes archived more than ``days`` ago, with students in no other class;
    - students in no class at all who have not signed in for ``days``;
    - family codes past their expiry.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    classes = students = 0
    for classroom in Classroom.objects.filter(archived_at__lt=cutoff):
        students += classroom_delete(classroom=classroom)
        classes += 1
    idle = (
        User.objects.filter(role=User.Role.STUDENT, enrolments__isnull=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .values_list("pk", flat=True)
    )
    idle_ids = list(idle)
    User.objects.filter(pk__in=idle_ids).delete()
    codes, _ = FamilyCode.objects.filter(expires_at__lt=now).delete()
    return Purged(classes=classes, students=students + len(idle_ids), family_codes=codes)


# --- students -------------------------------------------------------------------------------


def _clean_nickname(nickname: str) -> str:
    nickname = " ".join(nickname.split())[:NICKNAME_MAX]
    if not nickname:
        raise Refused("Please type a first name or a nickname.")
    return nickname


def _student_create(*, classroom: Classroom, nickname: str) -> tuple[User, IssuedLogin]:
    nickname = _clean_nickname(nickname)
    phrase = credentials.passphrase()

    def create(username):
        student = User(username=username, first_name=nickname, role=User.Role.STUDENT)
        student.set_password(phrase)
        student.save()
        Enrolment.objects.create(classroom=classroom, student=student)
        return student

    student = _unique(credentials.student_username, create)
    return student, IssuedLogin(nickname=nickname, username=student.username, passphrase=phrase)


@transaction.atomic
def student_join(*, code: str, nickname: str) -> tuple[User, IssuedLogin]:
    """A student joins a class with its code and gets a new account. Wrong or closed codes are refused alike."""
    classroom = Classroom.objects.filter(join_code=credentials.normalise_code(code), archived_at__isnull=True).first()
    if classroom is None:
        raise Refused("That class code did not work. Check it with your teacher and try again.")
    return _student_create(classroom=classroom, nickname=nickname)


@transaction.atomic
def roster_create(*, classroom: Classroom, names: list[str]) -> list[IssuedLogin]:
    """One new student per name, for a teacher who would rather hand out login cards."""
    _ensure_open(classroom)
    return [_student_create(classroom=classroom, nickname=name)[1] for name in names]


@transaction.atomic
def student_reset_passphrase(*, student: User) -> IssuedLogin:
    phrase = credentials.passphrase()
    student.set_password(phrase)
    student.save(update_fields=["password"])
    return IssuedLogin(nickname=student.first_name, username=student.username, passphrase=phrase)


@transaction.atomic
def students_reset_passphrases(*, classroom: Classroom) -> list[IssuedLogin]:
    students = User.objects.filter(enrolments__classroom=classroom).order_by("first_name", "pk")
    return [student_reset_passphrase(student=student) for student in students]


@transaction.atomic
def student_rename(*, student: User, nickname: str) -> None:
    """Fix a typo in a nickname (or honour a student who wants another one)."""
    student.first_name = _clean_nickname(nickname)
    student.save(update_fields=["first_name"])


@transaction.atomic
def student_remove_from_class(*, classroom: Classroom, student: User) -> None:
    Enrolment.objects.filter(classroom=classroom, student=student).delete()


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Everything about this person goes: progress, quiz attempts, enrolments, family links and codes."""
    user.delete()


# --- assignments ----------------------------------------------------------------------------


@transaction.atomic
def assignment_set(
    *, classroom: Classroom, module_id: str, due_on: datetime.date | None, note: str
) -> tuple[Assignment, bool]:
    """Assign a module, or change its due date and note if it is already assigned."""
    _ensure_open(classroom)
    return Assignment.objects.update_or_create(
        classroom=classroom, module_id=module_id, defaults={"due_on": due_on, "note": note.strip()}
    )


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    _ensure_open(assignment.classroom)
    assignment.delete()


# --- families -------------------------------------------------------------------------------


@transaction.atomic
def family_code_create(*, student: User) -> FamilyCode:
    """A new one-time code; any earlier unused code of this student stops working."""
    FamilyCode.objects.filter(student=student).delete()
    expires = timezone.now() + datetime.timedelta(days=FAMILY_CODE_DAYS)
    return _unique(
        credentials.readable_code,
        lambda code: FamilyCode.objects.create(student=student, code=code, expires_at=expires),
    )


@transaction.atomic
def family_link_create(*, parent: User, code: str) -> FamilyLink:
    family_code = (
        FamilyCode.objects.select_for_update()
        .filter(code=credentials.normalise_code(code), expires_at__gt=timezone.now())
        .select_related("student")
        .first()
    )
    if family_code is None:
        raise Refused("That family code did not work. Codes last a week and work once: ask for a new one.")
    student = family_code.student
    family_code.delete()
    link, _ = FamilyLink.objects.get_or_create(parent=parent, student=student)
    return link


@transaction.atomic
def family_link_revoke(*, link: FamilyLink) -> None:
    link.delete()
