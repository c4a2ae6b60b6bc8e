"""Students' accounts: made by joining with a class code or from a teacher's roster, renamed, removed.

A student has a generated username, a passphrase shown once, and the nickname they
typed: nothing else. Passphrases are stored only as hashes (``accounts.hashers``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from accounts import credentials
from accounts.errors import Refused
from accounts.models import User

from ..models import NICKNAME_MAX, Classroom, Enrolment
from .teaching import ensure_open


@dataclass(frozen=True)
class IssuedLogin:
    """A student's sign-in, shown once: the passphrase is stored only as a hash."""

    nickname: str
    username: str
    passphrase: str

    def as_session(self) -> dict[str, str]:
        return {"nickname": self.nickname, "username": self.username, "passphrase": self.passphrase}


def _clean_nickname(nickname: str) -> str:
    """Spaces squeezed; a name longer than NICKNAME_MAX is cut, as the form's maxlength would have."""
    nickname = " ".join(nickname.split())[:NICKNAME_MAX]
    if not nickname:
        raise Refused("Please type a first name or a nickname.")
    return nickname


def _student_create(*, classroom: Classroom, nickname: str) -> tuple[User, IssuedLogin]:
    nickname = _clean_nickname(nickname)
    phrase = credentials.passphrase()

    def create(username: str) -> User:
        student = User(username=username, first_name=nickname, role=User.Role.STUDENT)
        student.set_password(phrase)
        student.full_clean(validate_unique=False)  # a clashing username is an IntegrityError: drawn again
        student.save()
        Enrolment.objects.create(classroom=classroom, student=student)
        return student

    student = credentials.with_unique(credentials.student_username, create)
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
    ensure_open(classroom)
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
