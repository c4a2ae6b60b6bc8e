"""Classes, assignments and family links.

A school and its staff are accounts' (``accounts.School``). Students exist
only as members of a class: a generated username, a nickname and nothing
else. Every field is listed, with its reason and retention, in
``docs/privacy.md``; a test fails when one is missing there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

# A student's first name or nickname (kept in User.first_name, whose column allows more).
NICKNAME_MAX = 40


class Classroom(models.Model):
    school = models.ForeignKey("accounts.School", on_delete=models.CASCADE, related_name="classrooms")
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms")
    name = models.CharField(max_length=80)
    join_code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # An archived class is read-only and closed to joining; purge_expired deletes it after RETENTION_DAYS.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class Enrolment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="enrolments")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["classroom", "student"], name="classrooms_enrolment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.classroom}"


class Assignment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    module_id = models.SlugField(max_length=60)
    due_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["classroom", "module_id"], name="classrooms_assignment_once_per_module"),
        ]
        ordering = ["assigned_at", "pk"]

    def __str__(self) -> str:
        return f"{self.module_id} for {self.classroom}"


class FamilyCode(models.Model):
    """A one-time code a student hands to a parent; it links them once, then it is gone."""

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="family_codes")
    code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"family code for {self.student}"


class FamilyLink(models.Model):
    """This parent may see this student's progress, until the student revokes it."""

    parent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="children_links")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="parent_links")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["parent", "student"], name="classrooms_family_link_once"),
            models.CheckConstraint(condition=~Q(parent=models.F("student")), name="classrooms_family_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.parent} sees {self.student}"


class FamilyDigest(models.Model):
    """A parent asked for the weekly email about their linked children; it goes to their own account email."""

    parent = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="family_digest")
    subscribed_at = models.DateTimeField(auto_now_add=True)
    # The Monday of the last week a digest went out: a second run in the same week sends nothing.
    last_week = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"weekly digest for {self.parent}"
