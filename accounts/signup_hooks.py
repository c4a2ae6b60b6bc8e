"""What another app adds to parent sign-up, without accounts importing it (DESIGN.md: accounts reaches into no app).

classrooms owns family codes; in its ``AppConfig.ready()`` it registers how to check one and how to link
a new parent with it, so the sign-up form can take a family code like "My family" does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import User


@dataclass(frozen=True, slots=True)
class FamilyCodes:
    check: Callable[[str], str | None]  # the refusal to show under the field, or None when the code would link
    link: Callable[[User, str], object]  # link a new parent with the code (raises accounts.errors.Refused)


_registered: list[FamilyCodes] = []


def register_family_codes(handler: FamilyCodes) -> None:
    _registered[:] = [handler]


def family_codes() -> FamilyCodes | None:
    return _registered[0] if _registered else None
