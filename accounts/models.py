"""People who sign in.

Visitors never sign in; everything a visitor reads works without an account.
Students get an account from a class join code with a generated username and
passphrase and have no email or other personal field. Teachers, parents and
school admins sign in with an email address and a password.
"""

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractUser
from django.db import models

STUDENT_HASHER = "pause_student_pbkdf2"


class User(AbstractUser):
    class Role(models.TextChoices):
        STUDENT = "student", "Student"
        TEACHER = "teacher", "Teacher"
        PARENT = "parent", "Parent"
        SCHOOL_ADMIN = "school_admin", "School admin"

    # Blank for staff accounts made with createsuperuser, who have no role in a school.
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)

    @property
    def is_student(self) -> bool:
        return self.role == self.Role.STUDENT

    @property
    def is_parent(self) -> bool:
        return self.role == self.Role.PARENT

    @property
    def is_staff_member(self) -> bool:
        """A teacher or a school admin (not Django's is_staff, which means the admin site)."""
        return self.role in (self.Role.TEACHER, self.Role.SCHOOL_ADMIN)

    @property
    def is_school_admin(self) -> bool:
        return self.role == self.Role.SCHOOL_ADMIN

    def set_password(self, raw_password):
        if self.is_student and raw_password is not None:
            self.password = make_password(raw_password, hasher=STUDENT_HASHER)
            self._password = raw_password
        else:
            super().set_password(raw_password)

    def check_password(self, raw_password):
        if not self.is_student:
            return super().check_password(raw_password)

        def upgrade(raw):
            self.set_password(raw)
            self._password = None
            self.save(update_fields=["password"])

        return check_password(raw_password, self.password, upgrade, preferred=STUDENT_HASHER)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["", "student", "teacher", "parent", "school_admin"]),
                name="accounts_user_role_valid",
            ),
        ]
