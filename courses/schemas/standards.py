"""content/standards/<framework>.yaml: a curriculum framework and the statements modules and lessons map to.

A statement's ``text`` is the publisher's own wording, copied exactly from the
document at ``url``: never a paraphrase. A framework whose text could not be
checked at its publisher keeps only the statements that were, and says what is
missing in ``note``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import AsOf, HttpsUrl, Slug, Strict, Text, Versioned

# A statement's code as its publisher writes it ("AC9HP10P07", "HWB 3-45a", "3.8"), or a stable local one.
StatementCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9.\- ]{0,38}[A-Za-z0-9])?$")]
# How a module or lesson points at a statement: "<framework id>:<code>", e.g. "nz-hpe:C3".
StandardRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*:[A-Za-z0-9](?:[A-Za-z0-9.\- ]{0,38}[A-Za-z0-9])?$"),
]


class Statement(Strict):
    code: StatementCode = Field(description="The publisher's code for the statement, or a stable local one.")
    text: Text = Field(description="Exactly as the publisher gives it at the statement's (or framework's) URL.")
    url: HttpsUrl | None = Field(default=None, description="The page the text was copied from, if not the framework's.")
    section: Text | None = Field(default=None, description="Where it sits in the publisher's document (strand, theme).")
    stage: Text | None = Field(default=None, description="The age, year group, key stage or level it is for.")


class StandardsFile(Versioned):
    """content/standards/<framework>.yaml"""

    id: Slug = Field(description="Must match the file name; the prefix of every reference to it.")
    name: Text
    short_name: Text = Field(description="For tables and headings, e.g. 'RSHE (England)'.")
    region: Text = Field(description="Where the framework applies, e.g. 'England'.")
    publisher: Text
    url: HttpsUrl = Field(description="The publisher's page for the framework, on a host in publishers.yaml.")
    version: Text = Field(description="The edition or version, as the publisher names it.")
    as_of: AsOf = Field(default=None, description="The date the publisher's document shows, as a date or words.")
    licence: Text | None = Field(
        default=None,
        description="The terms the publisher gives for reusing its text, e.g. 'Open Government Licence v3.0'.",
    )
    note: Text | None = Field(
        default=None, description="Shown with the framework: what is missing from this file, or how to read it."
    )
    statements: Annotated[list[Statement], Field(description="Only statements quoted from the publisher.")] = []
