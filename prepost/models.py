"""One row per student, module and phase (before / after) of a module's before-and-after check.

The answers are small integers and nothing else: each confidence statement's rating (1–5) and,
for each knowledge item, 1 if it was answered right and 0 if not (not which option was chosen).
A "Not now" is a row too, with ``skipped`` set and no answers, so the check is offered once.
Every field is described in ``docs/privacy.md``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

RATINGS = ("confidence_1", "confidence_2", "confidence_3", "confidence_4")
MARKS = ("knowledge_1", "knowledge_2", "knowledge_3")


def _between(field: str, low: int, high: int) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": low, f"{field}__lte": high})


class CheckAnswer(models.Model):
    class Phase(models.TextChoices):
        BEFORE = "before", "Before"
        AFTER = "after", "After"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_answers")
    module_id = models.SlugField(max_length=60)
    phase = models.CharField(max_length=6, choices=Phase.choices)
    skipped = models.BooleanField(default=False)
    confidence_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    confidence_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    confidence_3 = models.PositiveSmallIntegerField(null=True, blank=True)
    confidence_4 = models.PositiveSmallIntegerField(null=True, blank=True)
    knowledge_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    knowledge_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    knowledge_3 = models.PositiveSmallIntegerField(null=True, blank=True)
    content_hash = models.CharField(max_length=16, help_text="Hash of check.yaml when it was answered.")
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module_id", "phase"], name="prepost_answer_once_per_phase"),
            models.CheckConstraint(condition=Q(phase__in=["before", "after"]), name="prepost_answer_phase_known"),
            *(
                models.CheckConstraint(condition=_between(field, 1, 5), name=f"prepost_{field}_1_to_5")
                for field in RATINGS
            ),
            *(
                models.CheckConstraint(condition=_between(field, 0, 1), name=f"prepost_{field}_0_or_1")
                for field in MARKS
            ),
            # A "Not now" holds no answers; a check taken holds at least three ratings and three marks.
            models.CheckConstraint(
                condition=Q(skipped=True, **{f"{f}__isnull": True for f in (*RATINGS, *MARKS)})
                | Q(skipped=False, **{f"{f}__isnull": False for f in (*RATINGS[:3], *MARKS)}),
                name="prepost_answer_skipped_or_full",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.module_id} {self.phase}"

    @property
    def ratings(self) -> list[int]:
        return [value for value in (getattr(self, field) for field in RATINGS) if value is not None]

    @property
    def marks(self) -> list[int]:
        return [value for value in (getattr(self, field) for field in MARKS) if value is not None]

    @property
    def right(self) -> int:
        return sum(self.marks)
