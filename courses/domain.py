"""The course as frozen Python objects.

The loader builds these once per process from ``content/``; pages and other
apps read them and never touch YAML or Markdown. They know nothing of storage
or requests. Progress and quiz attempts refer to modules and lessons by their
ids (stable slugs) plus a content hash, never by database keys, so a content
edit never rewrites a learner's past.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .markdown import Heading


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str | None = None
    publisher: str | None = None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class AgeBand:
    id: str
    label: str
    min: int
    max: int

    def suits(self, module: Module) -> bool:
        return module.age_min <= self.max


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name: str


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

    @property
    def key(self) -> str:
        """How progress refers to this lesson: ``module/lesson``."""
        return f"{self.module_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class TeacherNotes:
    title: str
    minutes: int | None
    html: str
    headings: tuple[Heading, ...]


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
    quiz_path: Path | None  # read by the quizzes app; courses knows nothing of quizzes
    sources: tuple[Source, ...]
    reviewed: datetime.date
    teacher_notes: TeacherNotes | None
    content_hash: str

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
class LawEntry:
    topic: str
    heading: str
    html: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class LawCard:
    region: Region
    title: str
    summary_html: str
    reviewed: datetime.date
    entries: tuple[LawEntry, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(dict.fromkeys(source for entry in self.entries for source in entry.sources))


@dataclass(frozen=True, slots=True)
class HelpService:
    id: str
    name: str
    run_by: str | None
    image_age: str  # "under-18" | "adult" | "any"
    for_whom: str
    what: str
    how: str | None
    stays_on_device: bool
    url: str | None
    phone: str | None
    text_message: str | None
    urgent: bool
    sources: tuple[Source, ...]

    def helps_with(self, image_age: str | None) -> bool:
        """Whether the service fits an image taken at ``image_age`` (None: not sure)."""
        return image_age is None or self.image_age in ("any", image_age)


@dataclass(frozen=True, slots=True)
class HelpDirectory:
    region: Region
    emergency_number: str | None
    services: tuple[HelpService, ...]

    def services_for(self, image_age: str | None) -> tuple[HelpService, ...]:
        matching = [service for service in self.services if service.helps_with(image_age)]
        return tuple(sorted(matching, key=lambda service: not service.urgent))


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
