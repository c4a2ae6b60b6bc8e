"""What every content file is made of: strict models, slugs, text, dates and sources."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from ..errors import Code

SCHEMA_VERSION = 1

# A stable id: lowercase words joined by hyphens. File and folder names follow it too.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$", max_length=500)]
# Dates are written unquoted by most authors (YAML makes them dates) and quoted by some.
LaxDate = Annotated[datetime.date, Field(strict=False)]

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


def require_sources(sources: list[Source]) -> list[Source]:
    if not sources:
        raise PydanticCustomError(Code.NO_SOURCES, "needs at least one source")
    return sources
