"""The shape of every content file, as pydantic models.

These models are the single definition of the formats: the loader validates
against them and ``manage.py content_schema`` writes them out as JSON Schema
into ``content/schema/`` so an editor can check YAML as an author types.

They are strict on purpose. YAML turns ``no`` into ``False`` and ``2024-01-01``
into a date; a strict model refuses a boolean where text is expected instead of
quietly printing "False" in a lesson. Unknown keys are errors, so a typo in a
key name never silently drops a field.

A validator that needs its own stable error code raises
``PydanticCustomError(Code.…, message)``; the reader turns that type back into
the error's code.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .errors import Code

SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$", max_length=500)]
# Dates are written unquoted by most authors (YAML makes them dates) and quoted by some.
LaxDate = Annotated[datetime.date, Field(strict=False)]

# Lesson ids that would collide with the module's own pages.
RESERVED_LESSON_IDS = frozenset({"quiz", "teacher-notes", "teacher", "module", "progress"})


def _not_reserved(lesson_id: str) -> str:
    if lesson_id in RESERVED_LESSON_IDS:
        raise PydanticCustomError(Code.RESERVED_ID, "lesson id '{id}' is reserved for a module page", {"id": lesson_id})
    return lesson_id


LessonId = Annotated[Slug, AfterValidator(_not_reserved)]
# A source's date is often unquoted (YAML makes it a date) and sometimes words ("2023–2026").
AsOf = Annotated[Text | None, BeforeValidator(lambda v: v.isoformat() if isinstance(v, datetime.date) else v)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Versioned(Strict):
    schema_version: Literal[1] = Field(description="Version of this file's format. Only 1 exists.")


class Source(Strict):
    """Where a fact comes from, as the fact brief gives it: a URL on an accepted publisher's host."""

    title: Text
    url: HttpsUrl | None = Field(default=None, description="Required: a source without one is refused (E030).")
    publisher: Text | None = Field(default=None, description="Defaults to the host's name in publishers.yaml.")
    as_of: AsOf = Field(default=None, description="The date the source shows, as a date or words.")


def _require_sources(sources: list[Source]) -> list[Source]:
    if not sources:
        raise PydanticCustomError(Code.NO_SOURCES, "needs at least one source")
    return sources


class AgeBand(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^\d{1,2}-\d{1,2}$")]
    label: Text
    min: Annotated[int, Field(ge=5, le=99)]
    max: Annotated[int, Field(ge=5, le=99)]


class Region(Strict):
    id: Slug
    name: Text


class FirstStep(Strict):
    id: Slug
    title: Text
    text: Text = Field(description="Markdown.")


class CourseFile(Versioned):
    """content/course.yaml"""

    title: Text
    tagline: Text
    age_bands: Annotated[list[AgeBand], Field(min_length=1)]
    modules: Annotated[list[Slug], Field(min_length=1, description="Module ids, in teaching order.")]
    regions: Annotated[list[Region], Field(min_length=1, description="Regions with law cards or help.")]
    first_steps: Annotated[
        list[FirstStep],
        Field(min_length=3, description="The first-aid steps, in the order every lesson teaches them."),
    ]


PublisherKind = Literal[
    "legislation",
    "government",
    "parliament",
    "court",
    "police",
    "regulator",
    "help-service",
    "research",
    "legal-information",
    "broadcaster",
    "news",
    "platform",
]


class Publisher(Strict):
    host: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", max_length=100)] = Field(
        description="Lowercase, without www. or a path; also covers its subdomains."
    )
    name: Text
    kind: PublisherKind
    why: Text = Field(description="Why a safeguarding lead can rely on it.")


class Refused(Strict):
    prefix: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s]*)?$", max_length=300)] = (
        Field(description="A host (and its subdomains), or a host and path, without scheme or www.: never cited.")
    )
    why: Text


class PublishersFile(Versioned):
    """content/publishers.yaml: the hosts a source or a link may be on, and what is refused even beneath them."""

    publishers: Annotated[list[Publisher], Field(min_length=1)]
    refused: list[Refused] = Field(default_factory=list)


class ModuleFile(Versioned):
    """content/modules/<module-id>/module.yaml"""

    id: Slug
    title: Text
    summary: Text
    age_min: Annotated[int, Field(ge=5, le=99)]
    objectives: Annotated[list[Text], Field(min_length=1, max_length=8)]
    standards: list[Text] = Field(default_factory=list)
    lessons: Annotated[list[LessonId], Field(min_length=1, description="Lesson ids (file stems), in order.")]
    content_note: Text | None = Field(
        default=None, description="Shown at the top of every lesson of the module (abuse, threats)."
    )
    parent_guide: Slug | None = Field(default=None, description="Id of the matching guide in content/guides/.")
    quiz: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.yaml$")] | None = None
    sources: list[Source]
    reviewed: LaxDate

    _sources = field_validator("sources")(_require_sources)


class LessonFrontMatter(Versioned):
    """Front matter of content/modules/<module-id>/<lesson-id>.md"""

    title: Text
    minutes: Annotated[int, Field(ge=1, le=30)]
    objectives: Annotated[list[Text], Field(min_length=1, max_length=3)]
    content_note: Text | None = None
    show_law_card: bool = Field(default=False, description="Show the law card of the reader's region after the lesson.")


class TeacherNotesFrontMatter(Versioned):
    """Front matter of content/modules/<module-id>/teacher.md"""

    title: Text = "Teacher notes"
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None


class GuideFrontMatter(Versioned):
    """Front matter of content/guides/<guide-id>.md"""

    title: Text
    audience: Literal["parents", "teachers"]
    summary: Text
    modules: list[Slug] = Field(default_factory=list, description="Modules this guide goes with.")
    content_note: Text | None = None
    reviewed: LaxDate
    sources: list[Source]

    _sources = field_validator("sources")(_require_sources)


LawTopic = Literal[
    "age-of-consent",
    "image-age",
    "possession",
    "sharing-without-consent",
    "threats-to-share",
    "deepfakes",
    "young-people",
    "schools",
    "reporting",
    "other",
]
# Every card answers these, and shows them in this order (then any "other").
LAW_TOPICS_REQUIRED: tuple[str, ...] = (
    "age-of-consent",
    "image-age",
    "possession",
    "sharing-without-consent",
    "threats-to-share",
    "deepfakes",
    "young-people",
    "schools",
    "reporting",
)
FOR_YOU_MAX_WORDS = 120


class LawEntry(Strict):
    topic: LawTopic
    heading: Text
    text: Text = Field(description="Markdown.")
    not_confirmed: list[Text] = Field(
        default_factory=list, description="Markdown: points the fact brief does not confirm, shown as such."
    )
    sources: list[Source]

    _sources = field_validator("sources")(_require_sources)


class LawCardFile(Versioned):
    """content/law/<region>.yaml"""

    region: Slug
    title: Text
    reviewed: LaxDate
    for_you: Text = Field(description="Markdown: 'What this means for you', at most 120 words, for a 13-year-old.")
    summary: Text = Field(description="Markdown.")
    entries: Annotated[list[LawEntry], Field(min_length=1)]


ImageAge = Literal["under-18", "adult", "any"]


HelpKind = Literal[
    "emergency",
    "youth-line",
    "crisis-line",
    "police",
    "report-child-image",
    "take-down",
    "report-adult-image",
    "adult-ncii-helpline",
    "parent-helpline",
    "worried-about-own-behaviour",
]
# The order the help page shows them in: the order the lessons teach (someone to talk to comes early).
HELP_KINDS: tuple[str, ...] = HelpKind.__args__
# Every region has each of these; the last may instead be explained under `missing` where the brief has none.
HELP_KINDS_REQUIRED: tuple[str, ...] = (
    "emergency",
    "police",
    "report-child-image",
    "take-down",
    "youth-line",
    "crisis-line",
)
HELP_KINDS_REQUIRED_OR_EXPLAINED: tuple[str, ...] = ("worried-about-own-behaviour",)


class HelpService(Strict):
    id: Slug
    name: Text
    kinds: Annotated[list[HelpKind], Field(min_length=1, description="What it is; the first decides its section.")]
    run_by: Text | None = None
    image_age: ImageAge = Field(description="Whose images it helps with: taken under 18, of adults, or any.")
    for_whom: Text = Field(description="Who it is for, in a sentence.")
    what: Text = Field(description="What it does.")
    how: Text | None = Field(default=None, description="How it works.")
    hours: Text | None = Field(default=None, description="When it answers, only as the fact brief gives it.")
    stays_on_device: bool = Field(default=False, description="True when the image never leaves your device.")
    url: HttpsUrl | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z +()-]{2,25}$")] | None = None
    text_message: Text | None = Field(default=None, description="How to text, e.g. 'Text CONNECT to 686868'.")
    sources: list[Source]

    _sources = field_validator("sources")(_require_sources)

    @model_validator(mode="after")
    def _reachable(self) -> HelpService:
        if not self.url and not self.phone and not self.text_message:
            raise PydanticCustomError(
                Code.UNREACHABLE_SERVICE, "a help service needs a url, a phone number or a text line"
            )
        if len(set(self.kinds)) != len(self.kinds):
            raise PydanticCustomError(Code.DUPLICATE_ID, "a kind is listed twice")
        return self


class HelpDirectoryFile(Versioned):
    """content/help/<region>.yaml"""

    region: Slug
    services: Annotated[list[HelpService], Field(min_length=1)]
    missing: dict[HelpKind, Text] = Field(
        default_factory=dict,
        description="Markdown, by kind: a required kind the fact brief gives no service for, and what to do instead.",
    )


SCHEMAS: dict[str, type[Versioned]] = {
    "course": CourseFile,
    "module": ModuleFile,
    "lesson": LessonFrontMatter,
    "teacher-notes": TeacherNotesFrontMatter,
    "guide": GuideFrontMatter,
    "law-card": LawCardFile,
    "help-directory": HelpDirectoryFile,
    "publishers": PublishersFile,
}
