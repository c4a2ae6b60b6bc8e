"""People who sign in.

Visitors never sign in; everything a visitor reads works without an account.
Students get an account from a class join code with a generated username and
passphrase and have no email or other personal field. Teachers, parents and
school admins sign in with an email address and a password.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    class Role(models.TextChoices):
        STUDENT = "student", "Student"
        TEACHER = "teacher", "Teacher"
        PARENT = "parent", "Parent"
        SCHOOL_ADMIN = "school_admin", "School admin"

    # Blank for staff accounts made with createsuperuser, who have no role in a school.
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=["", "student", "teacher", "parent", "school_admin"]),
                name="accounts_user_role_valid",
            ),
        ]
