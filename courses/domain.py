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
    folder: Path  # the module's folder, content/modules/<id>/
    quiz_file: str | None  # module.yaml's `quiz:` as written; other apps read and check the file
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
class Publisher:
    host: str
    name: str
    kind: str
    why: str


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

    def publisher_of(self, url: str | None) -> Publisher | None:
        """The accepted publisher of ``url``, or None (see :class:`Publishers`)."""
        return self.publishers.find(url)


def host_of(url: str) -> str:
    """``https://www.Example.org/x`` -> ``example.org``."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    return host.removeprefix("www.")


def _bare(url: str) -> str:
    """``https://www.Example.org/Path`` -> ``example.org/path``: a URL without scheme or www., for prefixes."""
    rest = url.split("://", 1)[-1]
    path = rest.split("/", 1)[1] if "/" in rest else ""
    return f"{host_of(url)}/{path}".lower().rstrip("/")


@dataclass(frozen=True, slots=True)
class Refusal:
    prefix: str  # a host, or a host and path, without scheme or www.: "hotline.ie/contact-us"
    why: str

    def refuses(self, url: str) -> bool:
        if "/" not in self.prefix:  # a host and its subdomains
            host = host_of(url)
            return host == self.prefix or host.endswith("." + self.prefix)
        bare = _bare(url)  # a page, and anything beneath it
        return bare == self.prefix or bare.startswith(self.prefix + "/")


@dataclass(frozen=True, slots=True)
class Publishers:
    """The accepted publishers (content/publishers.yaml) and the pages or hosts refused even beneath them."""

    hosts: Mapping[str, Publisher]
    refused: tuple[Refusal, ...]

    def find(self, url: str | None) -> Publisher | None:
        """The publisher whose host, or a parent domain of it, serves ``url``; None when refused or unknown."""
        if not url or any(refusal.refuses(url) for refusal in self.refused):
            return None
        host = host_of(url)
        while host:
            if host in self.hosts:
                return self.hosts[host]
            if "." not in host:
                return None
            host = host.split(".", 1)[1]
        return None

    def __bool__(self) -> bool:
        return bool(self.hosts)
