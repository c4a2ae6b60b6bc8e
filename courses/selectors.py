"""Reads for the reading path's pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Count, Q
from django.http import Http404

from core.maths import percent

from .domain import Course, Guide, HelpDirectory, HelpService, LawCard, Lesson, Module, Region
from .models import LessonProgress
from .registry import get_course
from .sessions import LESSONS_DONE_SESSION_KEY, REGION_SESSION_KEY

IMAGE_AGES = {"under-18": "Under 18", "adult": "18 or over"}


@dataclass(frozen=True, slots=True)
class ModuleProgress:
    done: frozenset[str]  # lesson ids
    total: int

    @property
    def count(self) -> int:
        return len(self.done)

    @property
    def percent(self) -> int:
        return percent(self.count, self.total)


def module_get(*, module_id: str) -> Module:
    module = get_course().module(module_id)
    if module is None:
        raise Http404("No such module.")
    return module


def lesson_get(*, module_id: str, lesson_id: str) -> tuple[Module, Lesson]:
    module = module_get(module_id=module_id)
    lesson = module.lesson(lesson_id)
    if lesson is None:
        raise Http404("No such lesson.")
    return module, lesson


def guide_get(*, guide_id: str) -> Guide:
    guide = get_course().guide(guide_id)
    if guide is None:
        raise Http404("No such guide.")
    return guide


def law_card_get(*, region_id: str) -> LawCard:
    card = get_course().law_cards.get(region_id)
    if card is None:
        raise Http404("No law card for that region.")
    return card


def region_get(*, region_id: str) -> Region:
    region = get_course().region(region_id)
    if region is None:
        raise Http404("No such region.")
    return region


def help_directory_get(*, region_id: str | None) -> HelpDirectory | None:
    return get_course().help_directories.get(region_id) if region_id else None


def lessons_done(
    *, user: AbstractBaseUser | AnonymousUser, session: SessionBase, module: Module | None = None
) -> frozenset[str]:
    """Keys ``module/lesson`` the reader has finished (of one module, if given)."""
    if user.is_authenticated:
        rows = LessonProgress.objects.filter(user_id=user.pk)
        if module is not None:
            rows = rows.filter(module_id=module.id)
        return frozenset(f"{m}/{lesson}" for m, lesson in rows.values_list("module_id", "lesson_id"))
    keys = session.get(LESSONS_DONE_SESSION_KEY, [])
    keys = frozenset(key for key in keys if isinstance(key, str)) if isinstance(keys, list) else frozenset()
    if module is not None:
        keys = frozenset(key for key in keys if key.startswith(f"{module.id}/"))
    return keys


def module_progress(*, module: Module, done: frozenset[str]) -> ModuleProgress:
    return ModuleProgress(
        done=frozenset(lesson.id for lesson in module.lessons if lesson.key in done), total=len(module.lessons)
    )


def reader_region(*, session: SessionBase, course: Course | None = None) -> Region | None:
    return (course or get_course()).region(session.get(REGION_SESSION_KEY))


@dataclass(frozen=True, slots=True)
class RegionHelp:
    """A region's emergency number and help page, for the help box under every lesson."""

    region: Region
    directory: HelpDirectory

    @property
    def emergency(self) -> HelpService | None:
        return self.directory.emergency


def help_everywhere(*, course: Course | None = None) -> tuple[RegionHelp, ...]:
    """Every region with a help directory, in the course's order."""
    course = course or get_course()
    return tuple(
        RegionHelp(region, course.help_directories[region.id])
        for region in course.regions
        if region.id in course.help_directories
    )


def lessons_done_counts(*, user_ids: Iterable[int], modules: Sequence[Module]) -> dict[tuple[int, str], int]:
    """``(user id, module id) -> lessons done`` for many readers at once, in one query.

    Only lessons the module still has count, so a renamed or removed lesson
    never makes a module look more than finished.
    """
    if not modules:
        return {}
    current = Q()
    for module in modules:
        current |= Q(module_id=module.id, lesson_id__in=[lesson.id for lesson in module.lessons])
    rows = (
        LessonProgress.objects.filter(current, user_id__in=user_ids)
        .values("user_id", "module_id")
        .annotate(done=Count("pk"))
        .order_by()
    )
    return {(row["user_id"], row["module_id"]): row["done"] for row in rows}


def lesson_progress_export(*, user: AbstractBaseUser) -> list[dict[str, str]]:
    """A reader's lesson progress as plain data, for their data export."""
    return [
        {"module": p.module_id, "lesson": p.lesson_id, "done_at": p.completed_at.isoformat()}
        for p in LessonProgress.objects.filter(user_id=user.pk).order_by("completed_at", "pk")
    ]
