"""Taking a before-and-after check without a browser, through the real services: for demo data."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser

from . import selectors, services
from .domain import Phase
from .registry import get_check


def take_check(*, user: AbstractBaseUser, module_id: str, phase: Phase, seed: int) -> None:
    """Answer the module's check once (nothing if it has none or it was answered): lower and shakier
    before, surer and mostly right after, varied by ``seed``."""
    check = get_check(module_id)
    if check is None or not selectors.check_due(user=user, module_id=module_id, phase=phase):
        return
    low = 1 if phase == Phase.BEFORE else 3
    ratings = [low + (seed + index) % 3 for index in range(len(check.statements))]
    right = (seed % 2) + 1 if phase == Phase.BEFORE else 3 - (seed % 4 == 1)
    choices = [
        q.answer if index < right else next(o.id for o in q.options if o.id != q.answer)
        for index, q in enumerate(check.questions)
    ]
    services.check_answer_record(user=user, check=check, phase=phase, ratings=ratings, choices=choices)
