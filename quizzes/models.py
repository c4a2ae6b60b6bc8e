"""Quiz attempts and their responses.

An attempt belongs to a signed-in learner or to a visitor (a random token kept
in the visitor's session, so it survives the session key changing at sign-in).
Each response is one *station*: a knowledge check, a reflection (recorded with
no text at all) or a scenario step. The database itself makes "one response
per station per attempt" and "one response per one-time submission key"
impossible to break, whatever the timing of double clicks, tabs or replays.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.maths import percent


class QuizAttempt(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    visitor = models.CharField(max_length=64, blank=True, db_index=True, help_text="A visitor's session token.")
    module_id = models.SlugField(max_length=60)
    content_hash = models.CharField(max_length=16, help_text="Hash of the quiz file the attempt was taken on.")
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Where the learner is: the number of stations answered, and the next one.
    answered = models.PositiveIntegerField(default=0)
    item_index = models.PositiveIntegerField(default=0)
    step_id = models.SlugField(max_length=60, blank=True)
    score = models.PositiveIntegerField(default=0)
    max_score = models.PositiveIntegerField(help_text="The quiz's best possible score when started.")
    pass_mark = models.FloatField()
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(visitor="")) | (Q(user__isnull=True) & ~Q(visitor="")),
                name="quizzes_attempt_has_one_owner",
            ),
            models.CheckConstraint(condition=Q(score__lte=models.F("max_score")), name="quizzes_attempt_score_le_max"),
            models.CheckConstraint(
                condition=Q(pass_mark__gt=0) & Q(pass_mark__lte=1), name="quizzes_attempt_pass_mark_range"
            ),
        ]
        indexes = [models.Index(fields=["user", "module_id"]), models.Index(fields=["visitor", "module_id"])]

    def __str__(self) -> str:
        return f"{self.module_id} attempt {self.public_id}"

    @property
    def finished(self) -> bool:
        return self.submitted_at is not None

    @property
    def percent(self) -> int:
        return percent(self.score, self.max_score)


class QuizResponse(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="responses")
    position = models.PositiveIntegerField(help_text="0 for the first station answered, then 1, 2 …")
    item_id = models.SlugField(max_length=60)
    step_id = models.SlugField(max_length=60, blank=True)
    answer = models.JSONField(default=dict, help_text="The choice made; never any free text.")
    score = models.PositiveIntegerField(default=0)
    max_score = models.PositiveIntegerField(default=0)
    correct = models.BooleanField(null=True, blank=True)
    submission_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_response_once_per_station"),
            models.UniqueConstraint(fields=["attempt", "item_id", "step_id"], name="quizzes_response_once_per_item"),
        ]
        ordering = ["attempt", "position"]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position} {self.item_id}/{self.step_id}"
