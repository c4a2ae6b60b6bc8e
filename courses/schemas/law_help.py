"""content/law/<region>.yaml and content/help/<region>.yaml."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..errors import Code
from .base import HttpsUrl, LaxDate, Slug, Source, Strict, Text, Versioned, require_sources

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
LAW_TOPICS_REQUIRED: tuple[str, ...] = tuple(topic for topic in get_args(LawTopic) if topic != "other")
FOR_YOU_MAX_WORDS = 120


class LawEntry(Strict):
    topic: LawTopic
    heading: Text
    text: Text = Field(description="Markdown.")
    not_confirmed: list[Text] = Field(
        default_factory=list, description="Markdown: points the fact brief does not confirm, shown as such."
    )
    sources: list[Source]

    _sources = field_validator("sources")(require_sources)


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
HELP_KINDS: tuple[str, ...] = get_args(HelpKind)
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

    _sources = field_validator("sources")(require_sources)

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
