"""content/changes.yaml: the public changelog of what the course teaches (/changes/)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import LaxDate, Slug, Strict, Text, Versioned

ChangeKind = Literal["law-card", "help", "lesson", "guide", "quiz", "module", "course"]
# The first 16 hex digits of the file's SHA-256, as `manage.py changes_hash <file>` prints it.
ContentHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
SitePath = Annotated[str, StringConstraints(pattern=r"^/[^\s<>\"']*$", max_length=300)]
ContentPath = Annotated[str, StringConstraints(pattern=r"^(law|help)/[a-z0-9-]+\.yaml$")]


class ChangeEntry(Strict):
    id: Slug = Field(description="Stable: the feed and the pages link to /changes/#<id>.")
    date: LaxDate
    kind: ChangeKind
    title: Text
    summary: Text = Field(description="Markdown: what changed in what the course teaches, and why.")
    regions: list[Slug] = Field(default_factory=list, description="Regions it concerns; empty: every region.")
    link: SitePath = Field(description="The page that changed, as a site path (/law/scotland/).")
    files: dict[ContentPath, ContentHash] = Field(
        default_factory=dict,
        description="Law cards and help directories this entry records, each with its content hash after the change.",
    )


class ChangesFile(Versioned):
    """content/changes.yaml"""

    entries: Annotated[list[ChangeEntry], Field(min_length=1)]


class CrisisWordsFile(Versioned):
    """content/crisis-words.yaml: words that show a reader is writing about themselves, in danger or scared.

    A message to the site that holds one (the "Report a problem" form) is answered with help, not a queue.
    """

    phrases: Annotated[list[Text], Field(min_length=1, description="Lowercase words or phrases, matched whole.")]
