"""People who sign in, and the schools staff work at.

Visitors never sign in; everything a visitor reads works without an account.
Students get an account from a class join code with a generated username and
passphrase and have no email or other personal field. Teachers, parents and
school admins sign in with an email address and a password; a teacher or school
admin works at one school, which they created or joined with its staff code.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractUser
from django.db import models

STUDENT_HASHER = "pause_student_pbkdf2"
# A grown-up's name as students or their child will see it ("Ms Rivera"); the column allows more.
ADULT_NAME_MAX = 60


class UserRole(models.TextChoices):
    """Every kind of account, written once: use ``User.Role.TEACHER``, never the string."""

    STUDENT = "student", "Student"
    TEACHER = "teacher", "Teacher"
    PARENT = "parent", "Parent"
    SCHOOL_ADMIN = "school_admin", "School admin"


ADULT_ROLES = frozenset({UserRole.TEACHER, UserRole.SCHOOL_ADMIN, UserRole.PARENT})


class User(AbstractUser):
    Role = UserRole
    STAFF_ROLES: ClassVar[tuple[str, ...]] = (Role.TEACHER, Role.SCHOOL_ADMIN)

    # Blank for staff accounts made with createsuperuser, who have no role in a school.
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    # When a grown-up proved their address by following the emailed link; until then they reach
    # no school and no child (accounts.decorators.role_required). Students have no email: always empty.
    email_verified_at = models.DateTimeField(null=True, blank=True)
    # A teacher's school choice made at sign-up, carried out when the email is confirmed and then
    # emptied: the name of a school to create, or the school whose staff code they typed.
    pending_school_name = models.CharField(max_length=120, blank=True)
    pending_school = models.ForeignKey(
        "School", null=True, blank=True, on_delete=models.SET_NULL, related_name="pending_staff"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["", *UserRole.values]), name="accounts_user_role_valid"
            ),
        ]

    @property
    def is_student(self) -> bool:
        return self.role == self.Role.STUDENT

    @property
    def is_parent(self) -> bool:
        return self.role == self.Role.PARENT

    @property
    def is_staff_member(self) -> bool:
        """A teacher or a school admin (not Django's is_staff, which means the admin site)."""
        return self.role in self.STAFF_ROLES

    @property
    def is_adult(self) -> bool:
        """A teacher, school admin or parent: signs in with an email address that must be confirmed."""
        return self.role in ADULT_ROLES

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_school_admin(self) -> bool:
        return self.role == self.Role.SCHOOL_ADMIN

    def set_password(self, raw_password: str | None) -> None:
        if self.is_student and raw_password is not None:
            self.password = make_password(raw_password, hasher=STUDENT_HASHER)
            self._password = raw_password
        else:
            super().set_password(raw_password)

    def check_password(self, raw_password: str | None) -> bool:
        if not self.is_student:
            return super().check_password(raw_password)

        def upgrade(raw: str) -> None:
            self.set_password(raw)
            self._password = None  # type: ignore[assignment]  # as Django's own upgrade does: no "password changed"
            self.save(update_fields=["password"])

        return check_password(raw_password, self.password, upgrade, preferred=STUDENT_HASHER)


def max_length(model: type[models.Model], field_name: str) -> int:
    """A text field's limit, read from the model so that forms never repeat it."""
    field = model._meta.get_field(field_name)
    if not isinstance(field, models.Field) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{field_name} has no max_length")
    return field.max_length


# A grown-up's username is their email address, so an email may be no longer than a username.
EMAIL_MAX = max_length(User, "username")


class School(models.Model):
    name = models.CharField(max_length=120)
    # Teachers join the school with this code from a school admin.
    staff_code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "classrooms_school"  # moved here from classrooms; the table kept its name

    def __str__(self) -> str:
        return self.name


class StaffMembership(models.Model):
    """A teacher or school admin works at one school."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_membership")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="staff")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "classrooms_staffmembership"  # moved here from classrooms; the table kept its name

    def __str__(self) -> str:
        return f"{self.user} at {self.school}"


class CodeAttempt(models.Model):
    """A code typed at a form that can be guessed (class, family, school staff code), counted for a while
    so that guessing is limited per browser and per address (``accounts.throttle``).

    In the database so that every worker and app server counts the same attempts. Neither the
    address nor the browser's token is stored: only keyed hashes of them.
    """

    class Kind(models.TextChoices):
        WRONG_JOIN = "join", "Wrong class code"
        WRONG_FAMILY = "family", "Wrong family code"
        WRONG_STAFF = "staff", "Wrong school code"
        JOINED = "joined", "A student joined a class"
        REFUSED_GUESSES = "refused-guesses", "A class's right code refused: too many wrong codes"
        REFUSED_JOINS = "refused-joins", "A class's right code refused: too many joins"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    source = models.CharField(max_length=64, blank=True)  # HMAC-SHA256 of the address, keyed with SECRET_KEY
    browser = models.CharField(max_length=64, blank=True)  # HMAC-SHA256 of the browser's random token
    target = models.CharField(max_length=20, blank=True)  # the class a join was for (its id), when one was
    at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["kind", "source", "at"], name="accounts_attempt_by_source"),
            models.Index(fields=["kind", "browser", "at"], name="accounts_attempt_by_browser"),
            models.Index(fields=["kind", "target", "at"], name="accounts_attempt_by_target"),
            models.Index(fields=["at"], name="accounts_attempt_at"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%H:%M:%S}"
