"""Content errors: every problem names its file, line, place and a stable code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class ContentError:
    path: str  # relative to the content root's parent, e.g. "content/modules/consent/module.yaml"
    line: int  # 1-based; 0 when the problem is the file as a whole (a missing file)
    where: str  # dotted place in the file ("lessons[2]"), or "" for the whole file
    message: str
    code: str  # "content.E001" …

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        where = f" {self.where}:" if self.where else ""
        return f"{location}:{where} {self.message} [{self.code}]"


class ContentErrors(Exception):
    """Raised where broken content must stop a command; carries every error found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
