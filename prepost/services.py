"""Writes for the before-and-after check: a student's answers, or their "Not now"."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .domain import Check, Phase
from .models import MARKS, RATINGS, CheckAnswer

logger = logging.getLogger(__name__)


class CheckRefused(Exception):
    """A refusal a student may read."""


@transaction.atomic
def check_answer_record(
    *, user: AbstractBaseUser, check: Check, phase: Phase, ratings: Sequence[int], choices: Sequence[str]
) -> CheckAnswer:
    """Store one phase of a check as small integers: each rating, and whether each question was right.

    The "before" check counts once: it is the starting point. The "after" check may be taken again;
    the latest answers replace the earlier ones. A "Not now" is replaced by real answers.
    """
    if len(ratings) != len(check.statements) or len(choices) != len(check.questions):
        raise CheckRefused("Please answer every question.")
    if any(not 1 <= rating <= 5 for rating in ratings):
        raise CheckRefused("Choose a number from 1 to 5 for each sentence.")
    existing = (
        CheckAnswer.objects.select_for_update().filter(user_id=user.pk, module_id=check.module_id, phase=phase).first()
    )
    if existing is not None and phase == Phase.BEFORE and not existing.skipped:
        raise CheckRefused("You have already done the “before” check for this module.")
    answer = existing or CheckAnswer(user_id=user.pk, module_id=check.module_id, phase=phase)
    answer.skipped = False
    for field in RATINGS:
        setattr(answer, field, None)
    for field, rating in zip(RATINGS, ratings, strict=False):
        setattr(answer, field, rating)
    for field, question, choice in zip(MARKS, check.questions, choices, strict=False):
        setattr(answer, field, int(choice == question.answer))
    answer.content_hash = check.content_hash
    try:
        answer.full_clean()
        with transaction.atomic():
            answer.save()
    except (ValidationError, IntegrityError):  # a double click that another request has just saved
        raise CheckRefused("Your answers are already saved.") from None
    logger.info("check answered: user %s module %s %s", user.pk, check.module_id, phase)
    return answer


@transaction.atomic
def check_answer_skip(*, user: AbstractBaseUser, check: Check, phase: Phase) -> None:
    """ "Not now": remember it, so the check is not offered again (answers already given are kept)."""
    CheckAnswer.objects.get_or_create(
        user_id=user.pk,
        module_id=check.module_id,
        phase=phase,
        defaults={"skipped": True, "content_hash": check.content_hash},
    )
