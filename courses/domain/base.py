"""The small values every part of the course shares: sources, regions, headings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of a rendered text (h2 to h6), for a page's contents."""

    id: str
    text: str
    level: int


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str | None = None
    publisher: str | None = None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name: str
    name_after_in: str = ""  # "the United States": "Help in the United States"

    @property
    def in_name(self) -> str:
        return self.name_after_in or self.name
