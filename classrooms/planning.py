"""Planning a class's modules: which fit its age band, suggested due dates, and what deserves a warning.

Pure functions of the course registry (no database), so the class page, the class-making step and
"How Pause works in school" suggest the same plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from courses.domain import AgeBand, Course, Module

PLAN_LENGTH = 6  # "a suggested six-lesson plan": one module a lesson
WEEK = datetime.timedelta(days=7)


def fits(band: AgeBand | None, module: Module) -> bool:
    """A module fits a class with no band, or one whose band reaches the module's starting age."""
    return band is None or band.suits(module)


def fitting_modules(course: Course, band: AgeBand | None) -> list[Module]:
    return [module for module in course.modules if fits(band, module)]


def suggested_plan(course: Course, band: AgeBand | None) -> list[Module]:
    """The first six modules (course order) that fit the band."""
    return fitting_modules(course, band)[:PLAN_LENGTH]


def suggested_dates(modules: Sequence[Module], today: datetime.date) -> dict[str, datetime.date]:
    """A week apart, the first a week from today, in the order given."""
    return {module.id: today + WEEK * (index + 1) for index, module in enumerate(modules)}


@dataclass(frozen=True, slots=True)
class AssignWarning:
    module: Module
    text: str


def assignment_warnings(
    *, band: AgeBand | None, picks: Iterable[tuple[Module, datetime.date | None]], today: datetime.date
) -> list[AssignWarning]:
    """What a teacher should see before assigning: a module for older students, a due date already past."""
    warnings = []
    for module, due_on in picks:
        if band is not None and not band.suits(module):
            warnings.append(
                AssignWarning(
                    module, f"“{module.title}” is written for ages {module.age_min} and over, above {band.label}."
                )
            )
        if due_on is not None and due_on < today:
            warnings.append(AssignWarning(module, f"“{module.title}” has a due date in the past ({due_on:%-d %B %Y})."))
    return warnings
