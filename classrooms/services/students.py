"""Students' accounts: made by joining with a class code or from a teacher's roster, renamed, removed.

A student has a generated username, a passphrase shown once, and the nickname they
typed: nothing else. Passphrases are stored only as hashes (``accounts.hashers``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.db import transaction

from accounts import credentials
from accounts import services as account_services
from accounts.errors import Refused
from accounts.models import User

from ..models import Classroom, Enrolment
from ..nicknames import normalise_nickname
from .teaching import ensure_open

WRONG_JOIN_CODE = "That class code did not work. Check it with your teacher and try again."


@dataclass(frozen=True)
class IssuedLogin:
    """A student's sign-in, shown once: the passphrase is stored only as a hash."""

    nickname: str
    username: str
    passphrase: str

    def as_session(self) -> dict[str, str]:
        return {"nickname": self.nickname, "username": self.username, "passphrase": self.passphrase}


def _clean_nickname(nickname: str) -> str:
    """The nickname as stored (``classrooms.nicknames``); one with no letter or digit is refused."""
    cleaned = normalise_nickname(nickname)
    if cleaned is None:
        raise Refused("Please type a first name or a nickname, with at least one letter or number.")
    return cleaned


@dataclass(frozen=True)
class _NewLogin:
    """A passphrase and its hash, made before any transaction opens: hashing is slow on purpose, and on
    SQLite a transaction holds the one write lock, so every other writer (a class answering a quiz)
    would wait for all of the hashing."""

    nickname: str
    phrase: str
    password: str  # the stored hash

    @classmethod
    def make(cls, nickname: str) -> _NewLogin:
        phrase = credentials.passphrase()
        hashed = User(role=User.Role.STUDENT)
        hashed.set_password(phrase)  # the student hasher, as for any student
        return cls(nickname=_clean_nickname(nickname), phrase=phrase, password=hashed.password)


def _student_create(*, classroom: Classroom, login: _NewLogin) -> tuple[User, IssuedLogin]:
    def create(username: str) -> User:
        student = User(username=username, first_name=login.nickname, role=User.Role.STUDENT, password=login.password)
        student.full_clean(validate_unique=False)  # a clashing username is an IntegrityError: drawn again
        student.save()
        Enrolment.objects.create(classroom=classroom, student=student)
        return student

    student = credentials.with_unique(credentials.student_username, create)
    return student, IssuedLogin(nickname=login.nickname, username=student.username, passphrase=login.phrase)


def student_join(*, code: str, nickname: str) -> tuple[User, IssuedLogin]:
    """A student joins a class with its code and gets a new account. Wrong or closed codes are refused alike."""
    login = _NewLogin.make(nickname)
    with transaction.atomic():
        classroom = Classroom.objects.filter(
            join_code=credentials.normalise_code(code), archived_at__isnull=True
        ).first()
        if classroom is None:
            raise Refused(WRONG_JOIN_CODE)
        return _student_create(classroom=classroom, login=login)


def roster_create(*, classroom: Classroom, names: list[str]) -> list[IssuedLogin]:
    """One new student per name, for a teacher who would rather hand out login cards."""
    ensure_open(classroom)
    logins = [_NewLogin.make(name) for name in names]  # the slow hashing, outside the transaction
    with transaction.atomic():
        ensure_open(classroom)
        return [_student_create(classroom=classroom, login=login)[1] for login in logins]


def _reissue(students: list[User]) -> list[IssuedLogin]:
    """New passphrases: hashed first, then written in one short transaction; any lockout is lifted."""
    issued = []
    for student in students:
        phrase = credentials.passphrase()
        student.set_password(phrase)
        issued.append(IssuedLogin(nickname=student.first_name, username=student.username, passphrase=phrase))
    with transaction.atomic():
        User.objects.bulk_update(students, ["password"])
    # A classmate's wrong guesses must not keep the student out once their teacher gave them a new one (F10).
    account_services.logins_unlock(usernames=[student.username for student in students])
    return issued


def student_reset_passphrase(*, classroom: Classroom, student: User) -> IssuedLogin:
    ensure_open(classroom)
    return _reissue([student])[0]


def students_reset_passphrases(
    *, classroom: Classroom, student_ids: Collection[int] | None = None
) -> list[IssuedLogin]:
    """New passphrases for the class, or for the students ticked (``student_ids``; others are ignored)."""
    ensure_open(classroom)
    students = User.objects.filter(enrolments__classroom=classroom, role=User.Role.STUDENT)
    if student_ids is not None:
        students = students.filter(pk__in=student_ids)
    return _reissue(list(students.order_by("first_name", "pk")))


@transaction.atomic
def student_rename(*, classroom: Classroom, student: User, nickname: str) -> None:
    """Fix a typo in a nickname (or honour a student who wants another one)."""
    ensure_open(classroom)
    student.first_name = _clean_nickname(nickname)
    student.save(update_fields=["first_name"])


@transaction.atomic
def student_remove_from_class(*, classroom: Classroom, student: User) -> None:
    ensure_open(classroom)
    Enrolment.objects.filter(classroom=classroom, student=student).delete()
