"""The law cards (content/law/), the help directories (content/help/) and the first steps."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from .base import Region, Source


@dataclass(frozen=True, slots=True)
class FirstStep:
    id: str
    title: str
    html: str


@dataclass(frozen=True, slots=True)
class LawEntry:
    topic: str
    heading: str
    html: str
    not_confirmed_html: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class LawCard:
    region: Region
    title: str
    for_you_html: str  # "What this means for you"
    summary_html: str
    reviewed: datetime.date
    entries: tuple[LawEntry, ...]  # in the order of schemas.LAW_TOPICS_REQUIRED, then "other"

    def entry(self, topic: str) -> LawEntry | None:
        return next((entry for entry in self.entries if entry.topic == topic), None)

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(dict.fromkeys(source for entry in self.entries for source in entry.sources))


# Sections of the help page, in the order the lessons teach: danger first, then someone to talk to
# (a trusted adult comes early, never last), then reporting, taking down, and help for others.
HELP_SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("danger", "If someone is in danger now", ("emergency",)),
    ("talk", "Talk to someone", ("youth-line", "crisis-line")),
    ("report", "Report it", ("police", "report-child-image")),
    ("take-down", "Get it taken down", ("take-down",)),
    ("adults", "If the image is of an adult", ("report-adult-image", "adult-ncii-helpline")),
    ("parents", "For parents and carers", ("parent-helpline",)),
    ("own-behaviour", "Worried about something you did", ("worried-about-own-behaviour",)),
)
READER_SECTIONS = frozenset({"adults", "parents", "own-behaviour"})
KIND_LABELS = {
    "emergency": "Emergency",
    "youth-line": "For young people",
    "crisis-line": "Crisis line",
    "police": "Police",
    "report-child-image": "Report a child's image",
    "take-down": "Take-down tool",
    "report-adult-image": "Report an adult's image",
    "adult-ncii-helpline": "Helpline for adults",
    "parent-helpline": "For parents and carers",
    "worried-about-own-behaviour": "Worried about your own behaviour",
}


@dataclass(frozen=True, slots=True)
class HelpService:
    id: str
    name: str
    kinds: tuple[str, ...]
    run_by: str | None
    image_age: str  # "under-18" | "adult" | "any"
    for_whom: str
    what: str
    how: str | None
    hours: str | None
    stays_on_device: bool
    url: str | None
    phone: str | None
    text_message: str | None
    sources: tuple[Source, ...]

    def helps_with(self, image_age: str | None) -> bool:
        """Whether the service fits an image taken at ``image_age`` (None: not sure)."""
        return image_age is None or self.image_age in ("any", image_age)

    @property
    def kind_labels(self) -> tuple[str, ...]:
        return tuple(KIND_LABELS[kind] for kind in self.kinds)


@dataclass(frozen=True, slots=True)
class HelpSection:
    id: str
    title: str
    services: tuple[HelpService, ...]
    missing_html: tuple[str, ...]  # what to do where the fact brief gives no service of this kind


@dataclass(frozen=True, slots=True)
class HelpDirectory:
    region: Region
    services: tuple[HelpService, ...]
    missing_html: Mapping[str, str]  # by kind

    @property
    def emergency(self) -> HelpService | None:
        return next((s for s in self.services if "emergency" in s.kinds and s.phone), None)

    def of_kind(self, kind: str) -> tuple[HelpService, ...]:
        return tuple(service for service in self.services if kind in service.kinds)

    def sections_for(self, image_age: str | None) -> tuple[HelpSection, ...]:
        """The services that fit ``image_age``, by section, in the lessons' order.

        A service is shown in the section of its first kind. The sections for particular readers
        (adults' images, parents, someone worried about what they did) also show every other
        service of their kinds, so a parent or a worried young person finds all that is for them.
        """
        sections = []
        for section_id, title, kinds in HELP_SECTIONS:
            if section_id == "adults" and image_age == "under-18":
                continue  # the reader said the person in the image was under 18
            everyone = section_id in READER_SECTIONS
            services = tuple(
                sorted(
                    (
                        s
                        for s in self.services
                        if (s.kinds[0] in kinds or (everyone and set(kinds) & set(s.kinds))) and s.helps_with(image_age)
                    ),
                    key=lambda s: min(kinds.index(k) for k in s.kinds if k in kinds),  # stable within a kind
                )
            )
            missing = tuple(self.missing_html[kind] for kind in kinds if kind in self.missing_html)
            if services or missing:
                sections.append(HelpSection(section_id, title, services, missing))
        return tuple(sections)

    def services_for(self, image_age: str | None) -> tuple[HelpService, ...]:
        """Each fitting service once, in the order the page first shows it."""
        seen = {service.id: service for section in self.sections_for(image_age) for service in section.services}
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the public changelog (content/changes.yaml): a change to what the course teaches."""

    id: str
    date: datetime.date
    kind: str
    title: str
    summary_html: str
    regions: tuple[Region, ...]  # empty: every region
    link: str
    files: Mapping[str, str]  # "law/scotland.yaml" -> content hash after the change

    KIND_LABELS: ClassVar[Mapping[str, str]] = {
        "law-card": "Law card",
        "help": "Help",
        "lesson": "Lesson",
        "guide": "Guide",
        "quiz": "Quiz",
        "module": "Module",
        "course": "Whole course",
    }

    @property
    def kind_label(self) -> str:
        return self.KIND_LABELS.get(self.kind, self.kind)

    def concerns(self, region_id: str) -> bool:
        return not self.regions or any(region.id == region_id for region in self.regions)
