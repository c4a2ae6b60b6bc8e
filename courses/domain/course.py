"""The course, its modules, lessons and guides."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .base import Heading, Region, Source
from .law_help import Change, FirstStep, HelpDirectory, LawCard
from .practice import LessonPart, PracticeCheck
from .publishers import Publisher, Publishers
from .standards import Standards


@dataclass(frozen=True, slots=True)
class AgeBand:
    id: str
    label: str
    min: int
    max: int

    def suits(self, module: Module) -> bool:
        """A module suits a class of this band when its youngest age is not above the band's oldest."""
        return module.age_min <= self.max


@dataclass(frozen=True, slots=True)
class Lesson:
    module_id: str
    id: str
    number: int  # 1-based place in the module
    title: str
    minutes: int
    objectives: tuple[str, ...]
    content_note: str | None
    html: str  # sanitised, rendered once
    headings: tuple[Heading, ...]
    word_count: int
    content_hash: str
    show_law_card: bool = False
    standards: tuple[str, ...] = ()  # "framework:code" references, checked against the course's Standards
    # Practice checks in the text (```check blocks), and the HTML cut where each one stands.
    checks: tuple[PracticeCheck, ...] = ()
    parts: tuple[LessonPart, ...] = ()

    @property
    def key(self) -> str:
        """How progress refers to this lesson: ``module/lesson``."""
        return f"{self.module_id}/{self.id}"

    def check(self, check_id: str | None) -> PracticeCheck | None:
        return next((check for check in self.checks if check.id == check_id), None)


@dataclass(frozen=True, slots=True)
class TeacherNotes:
    title: str
    minutes: int | None
    html: str
    headings: tuple[Heading, ...]


@dataclass(frozen=True, slots=True)
class Illustration:
    """A picture drawn for the course: static/img/illustrations/<file>.svg and its description."""

    file: str
    alt: str

    @property
    def static_path(self) -> str:
        return f"img/illustrations/{self.file}.svg"


@dataclass(frozen=True, slots=True)
class FamilyCard:
    """What a parent is told while a module is set: three things, a dinner question, a parent guide."""

    learn: tuple[str, ...]
    question: str
    guide_id: str


@dataclass(frozen=True, slots=True)
class Module:
    id: str
    number: int
    title: str
    summary: str
    age_min: int
    objectives: tuple[str, ...]
    standards: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    content_note: str | None
    parent_guide_id: str | None
    folder: Path  # the module's folder, content/modules/<id>/
    quiz_file: str | None  # module.yaml's `quiz:` as written; other apps read and check the file
    sources: tuple[Source, ...]
    reviewed: datetime.date
    teacher_notes: TeacherNotes | None
    content_hash: str
    colour: str = "slate"  # a `tone-<colour>` class in pause.css
    icon: str = ""  # static/img/modules/<icon>.svg
    illustration: Illustration | None = None

    @property
    def icon_path(self) -> str:
        return f"img/modules/{self.icon}.svg"

    family: FamilyCard | None = None

    @property
    def minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.lessons)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def neighbours(self, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
        index = lesson.number - 1
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return previous, following


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    title: str
    audience: str  # "parents" | "teachers"
    summary: str
    module_ids: tuple[str, ...]
    content_note: str | None
    reviewed: datetime.date
    sources: tuple[Source, ...]
    html: str
    headings: tuple[Heading, ...]
    word_count: int


@dataclass(frozen=True, slots=True)
class Course:
    title: str
    tagline: str
    age_bands: tuple[AgeBand, ...]
    modules: tuple[Module, ...]
    regions: tuple[Region, ...]
    guides: tuple[Guide, ...]
    law_cards: Mapping[str, LawCard]
    help_directories: Mapping[str, HelpDirectory]
    first_steps: tuple[FirstStep, ...] = ()
    publishers: Publishers = field(default_factory=lambda: Publishers({}, ()))
    changes: tuple[Change, ...] = ()  # content/changes.yaml, newest first
    crisis_words: tuple[str, ...] = ()  # content/crisis-words.yaml, lowercase
    standards: Standards = field(default_factory=Standards)
    _modules_by_id: Mapping[str, Module] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_modules_by_id", {module.id: module for module in self.modules})

    def module(self, module_id: str) -> Module | None:
        return self._modules_by_id.get(module_id)

    def guide(self, guide_id: str) -> Guide | None:
        return next((guide for guide in self.guides if guide.id == guide_id), None)

    def region(self, region_id: str | None) -> Region | None:
        return next((region for region in self.regions if region.id == region_id), None)

    def age_band(self, band_id: str | None) -> AgeBand | None:
        return next((band for band in self.age_bands if band.id == band_id), None)

    def guides_for(self, audience: str) -> tuple[Guide, ...]:
        return tuple(guide for guide in self.guides if guide.audience == audience)

    def changes_for(self, region_id: str | None) -> tuple[Change, ...]:
        """The changelog, newest first; for a region, the entries that concern it (or every region)."""
        if not region_id:
            return self.changes
        return tuple(change for change in self.changes if change.concerns(region_id))

    def last_change_of(self, content_path: str) -> Change | None:
        """The newest entry recording ``content_path`` (relative to content/, e.g. "law/scotland.yaml")."""
        return next((change for change in self.changes if content_path in change.files), None)

    def publisher_of(self, url: str | None) -> Publisher | None:
        """The accepted publisher of ``url``, or None (see :class:`Publishers`)."""
        return self.publishers.find(url)
