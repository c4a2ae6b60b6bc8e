"""Reads for the before-and-after check: what a student is offered, their own change, a class's totals.

A teacher's or school's totals follow ``core.visibility``: counts for a group of students, never a
student's answers, and nothing at all for a module until ``MIN_CHECK_STUDENTS`` or more students
have taken its check before AND after (checked by the caller's permission: these functions are given
the students a viewer may see, by ``classrooms``' selectors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeGuard

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from core.visibility import MIN_CHECK_STUDENTS
from courses.domain import Module
from courses.registry import get_course
from courses.selectors import module_get

from .domain import SCALE, Check, Phase
from .models import CheckAnswer
from .registry import get_check

Reader = AbstractBaseUser | AnonymousUser


def is_student(user: Reader) -> TypeGuard[AbstractBaseUser]:
    return bool(user.is_authenticated and getattr(user, "is_student", False))


def check_get(*, module_id: str) -> tuple[Module, Check]:
    module = module_get(module_id=module_id)
    check = get_check(module.id)
    if check is None:
        raise Http404("This module has no before-and-after check.")
    return module, check


def check_due(*, user: Reader, module_id: str, phase: Phase) -> bool:
    """Whether to offer this student this phase of the module's check: never taken nor put off."""
    if not is_student(user) or get_check(module_id) is None:
        return False
    return not CheckAnswer.objects.filter(user_id=user.pk, module_id=module_id, phase=phase).exists()


def check_answer_get(*, user: Reader, module_id: str, phase: Phase) -> CheckAnswer | None:
    if not is_student(user):
        return None
    return CheckAnswer.objects.filter(user_id=user.pk, module_id=module_id, phase=phase, skipped=False).first()


# --- a student's own change ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementChange:
    text: str
    before: int | None
    after: int | None

    @property
    def before_label(self) -> str:
        return _scale_label(self.before)

    @property
    def after_label(self) -> str:
        return _scale_label(self.after)


@dataclass(frozen=True, slots=True)
class OwnChange:
    module: Module
    statements: tuple[StatementChange, ...]
    right_before: int | None
    right_after: int | None
    questions: int


def _scale_label(value: int | None) -> str:
    return dict(SCALE).get(value, "") if value is not None else ""


def own_changes(*, user: Reader) -> list[OwnChange]:
    """The student's own before → after, for each module whose check they have taken at least once."""
    if not is_student(user):
        return []
    rows: dict[str, dict[str, CheckAnswer]] = {}
    for answer in CheckAnswer.objects.filter(user_id=user.pk, skipped=False):
        rows.setdefault(answer.module_id, {})[answer.phase] = answer
    changes = []
    for module in get_course().modules:
        check = get_check(module.id)
        phases = rows.get(module.id)
        if check is None or not phases:
            continue
        before, after = phases.get(Phase.BEFORE), phases.get(Phase.AFTER)
        statements = tuple(
            StatementChange(
                statement.text,
                before.ratings[index] if before and index < len(before.ratings) else None,
                after.ratings[index] if after and index < len(after.ratings) else None,
            )
            for index, statement in enumerate(check.statements)
        )
        changes.append(
            OwnChange(
                module=module,
                statements=statements,
                right_before=before.right if before else None,
                right_after=after.right if after else None,
                questions=len(check.questions),
            )
        )
    return changes


def answers_export(*, user: AbstractBaseUser) -> list[dict[str, Any]]:
    """The student's own rows, for their data download."""
    return [
        {
            "module": answer.module_id,
            "when": answer.phase,
            "skipped": answer.skipped,
            "confidence_ratings_1_to_5": answer.ratings,
            "knowledge_right_1_or_0": answer.marks,
            "answered_at": answer.answered_at.isoformat(),
        }
        for answer in CheckAnswer.objects.filter(user_id=user.pk).order_by("module_id", "phase")
    ]


# --- a group's totals (a class, a school) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many students gave each value, before and after: one chart and one table."""

    title: str
    labels: tuple[str, ...]  # one per value, e.g. "1 Not at all" … "5 Very sure", or "0 of 3 right" …
    before: tuple[int, ...]
    after: tuple[int, ...]

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        return list(zip(self.labels, self.before, self.after, strict=True))


@dataclass(frozen=True, slots=True)
class ModuleTotals:
    module: Module
    students_before: int
    students_after: int
    distributions: tuple[Distribution, ...]  # empty unless shown

    @property
    def shown(self) -> bool:
        return self.students_before >= MIN_CHECK_STUDENTS and self.students_after >= MIN_CHECK_STUDENTS


def _counts(values: Iterable[int], size: int, low: int) -> tuple[int, ...]:
    counts = [0] * size
    for value in values:
        if low <= value < low + size:
            counts[value - low] += 1
    return tuple(counts)


def group_totals(*, user_ids: Iterable[int]) -> list[ModuleTotals]:
    """Per module with a check: how many of these students took it before and after and, only when
    both are at least MIN_CHECK_STUDENTS, the distributions of ratings and of knowledge items right."""
    ids = list(user_ids)
    answers: dict[tuple[str, str], list[CheckAnswer]] = {}
    for answer in CheckAnswer.objects.filter(user_id__in=ids, skipped=False):
        answers.setdefault((answer.module_id, answer.phase), []).append(answer)
    totals = []
    scale_labels = tuple(f"{value} {label}" for value, label in SCALE)
    for module in get_course().modules:
        check = get_check(module.id)
        if check is None:
            continue
        before = answers.get((module.id, Phase.BEFORE), [])
        after = answers.get((module.id, Phase.AFTER), [])
        distributions: list[Distribution] = []
        if len(before) >= MIN_CHECK_STUDENTS and len(after) >= MIN_CHECK_STUDENTS:
            for index, statement in enumerate(check.statements):
                distributions.append(
                    Distribution(
                        title=statement.text,
                        labels=scale_labels,
                        before=_counts((a.ratings[index] for a in before if index < len(a.ratings)), 5, 1),
                        after=_counts((a.ratings[index] for a in after if index < len(a.ratings)), 5, 1),
                    )
                )
            size = len(check.questions)
            distributions.append(
                Distribution(
                    title=f"Knowledge questions right (of {size})",
                    labels=tuple(f"{right} of {size} right" for right in range(size + 1)),
                    before=_counts((a.right for a in before), size + 1, 0),
                    after=_counts((a.right for a in after), size + 1, 0),
                )
            )
        totals.append(ModuleTotals(module, len(before), len(after), tuple(distributions)))
    return totals
