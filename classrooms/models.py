"""Classes, assignments and family links.

A school and its staff are accounts' (``accounts.School``). Students exist
only as members of a class: a generated username, a nickname and nothing
else. Every field is listed, with its reason and retention, in
``docs/privacy.md``; a test fails when one is missing there.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

# A student's first name or nickname (kept in User.first_name, whose column allows more).
NICKNAME_MAX = 40
LETTER_NOTE_MAX = 1500


class Classroom(models.Model):
    school = models.ForeignKey("accounts.School", on_delete=models.CASCADE, related_name="classrooms")
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms")
    name = models.CharField(max_length=80)
    join_code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # An archived class is read-only and closed to joining; purge_expired deletes it after RETENTION_DAYS.
    archived_at = models.DateTimeField(null=True, blank=True)
    # One of the course's age bands (course.yaml `age_bands`), so assigning an older module warns.
    age_band = models.CharField(max_length=20, blank=True)
    # The school's own paragraph on the letter to families (plain text, shown escaped).
    letter_note = models.TextField(max_length=LETTER_NOTE_MAX, blank=True)

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


# A question is short: the box is for what a student won't ask aloud, not for a story.
QUESTION_MAX = 500
ANSWER_MAX = 2000


class ClassQuestion(models.Model):
    """An anonymous question to a class's teacher (issue 15): the class and the day, nothing about who.

    No user, no address, no session, no time finer than the day, no module (with one student per
    module per day it could name them), and a random id so the order of the rows says nothing about
    the order they were asked in. ``tests/integration/test_question_box.py`` fails if a column that
    could identify a student is added. ``token_hash`` is a keyed hash of the one-time token the
    student was shown; it is cleared once the answer has been seen.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="questions")
    asked_on = models.DateField()
    text = models.CharField(max_length=QUESTION_MAX)
    # Which danger-word group matched (content/safeguarding/danger-words.yaml), or "".
    flag = models.SlugField(max_length=60, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # What the class sees: the question as the teacher chose to show it, and the answer.
    shown_question = models.CharField(max_length=QUESTION_MAX, blank=True)
    answer = models.TextField(max_length=ANSWER_MAX, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["hidden", "-asked_on", "id"]

    def __str__(self) -> str:
        return f"a question in {self.classroom}"

    @property
    def flagged(self) -> bool:
        return bool(self.flag)

    @property
    def answered(self) -> bool:
        return bool(self.answer)


class AskCount(models.Model):
    """One question-box submission (a question or "no question") from one browser on one day.

    For the per-browser limit only: a keyed hash of a random id the browser keeps in a signed cookie
    for a day, and the day. No class, no user, no time; rows before today are deleted.
    """

    browser = models.CharField(max_length=64, db_index=True)
    on = models.DateField()

    def __str__(self) -> str:
        return f"a submission on {self.on}"


class FamilyDigest(models.Model):
    """A parent asked for the weekly email about their linked children; it goes to their own account email."""

    parent = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="family_digest")
    subscribed_at = models.DateTimeField(auto_now_add=True)
    # The Monday of the last week a digest went out: a second run in the same week sends nothing.
    last_week = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"weekly digest for {self.parent}"
