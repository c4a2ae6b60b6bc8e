"""content/course.yaml, publishers.yaml, each module's module.yaml, lessons, teacher notes and guides."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from ..errors import Code
from .base import LaxDate, Slug, Source, Strict, Text, Versioned, require_sources
from .standards import StandardRef

# Lesson ids that would collide with the module's own pages.
RESERVED_LESSON_IDS = frozenset({"quiz", "teacher-notes", "teacher", "module", "progress"})


def _not_reserved(lesson_id: str) -> str:
    if lesson_id in RESERVED_LESSON_IDS:
        raise PydanticCustomError(Code.RESERVED_ID, "lesson id '{id}' is reserved for a module page", {"id": lesson_id})
    return lesson_id


LessonId = Annotated[Slug, AfterValidator(_not_reserved)]


class AgeBand(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^\d{1,2}-\d{1,2}$")]
    label: Text
    min: Annotated[int, Field(ge=5, le=99)]
    max: Annotated[int, Field(ge=5, le=99)]


class Region(Strict):
    id: Slug
    name: Text
    name_after_in: Text | None = Field(
        default=None, description="How the name reads after 'in', when it differs: 'the United States'."
    )


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
    "curriculum",
    "standards",
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


# The palette's module colours: each is a `tone-<colour>` class in static/css/pause.css (docs/design.md).
ModuleColour = Literal["teal", "blue", "slate", "green", "violet", "indigo", "amber", "rose"]


class Illustration(Strict):
    file: Slug = Field(description="static/img/illustrations/<file>.svg")
    alt: Text = Field(description="What the picture shows, in words, for people who cannot see it.")


class FamilyCard(Strict):
    """What a parent is told when this module is set: module.yaml's ``family:``."""

    learn: Annotated[list[Text], Field(min_length=3, max_length=3, description="Three things they will learn.")]
    question: Text = Field(description="One question to ask at dinner: open, calm, about people in general.")
    guide: Slug = Field(description="Id of the matching parent guide in content/guides/ (its 5-minute read).")


class ModuleFile(Versioned):
    """content/modules/<module-id>/module.yaml"""

    id: Slug
    title: Text
    summary: Text
    age_min: Annotated[int, Field(ge=5, le=99)]
    objectives: Annotated[list[Text], Field(min_length=1, max_length=8)]
    standards: list[StandardRef] = Field(
        default_factory=list,
        description="Statements the module as a whole teaches, as 'framework:code' (content/standards/).",
    )
    lessons: Annotated[list[LessonId], Field(min_length=1, description="Lesson ids (file stems), in order.")]
    content_note: Text | None = Field(
        default=None, description="Shown at the top of every lesson of the module (abuse, threats)."
    )
    parent_guide: Slug | None = Field(default=None, description="Id of the matching guide in content/guides/.")
    quiz: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.yaml$")] | None = None
    family: FamilyCard | None = Field(default=None, description="The card parents see while the module is set.")
    sources: list[Source]
    reviewed: LaxDate
    colour: ModuleColour = Field(description="The module's colour on cards, its page and its lessons (docs/design.md).")
    icon: Slug = Field(description="The module's icon: static/img/modules/<icon>.svg.")
    illustration: Illustration | None = Field(
        default=None, description="The picture in the module page's header, with its description."
    )

    _sources = field_validator("sources")(require_sources)


class LessonFrontMatter(Versioned):
    """Front matter of content/modules/<module-id>/<lesson-id>.md"""

    title: Text
    minutes: Annotated[int, Field(ge=1, le=30)]
    objectives: Annotated[list[Text], Field(min_length=1, max_length=3)]
    content_note: Text | None = None
    show_law_card: bool = Field(default=False, description="Show the law card of the reader's region after the lesson.")
    standards: list[StandardRef] = Field(
        default_factory=list,
        description="Curriculum statements this lesson truly teaches, as 'framework:code' (content/standards/).",
    )


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

    _sources = field_validator("sources")(require_sources)
