"""Content errors: every problem names its file, line, place and a stable code.

The codes are :class:`Code`, one member per kind of problem, each with the
meaning docs/authoring.md gives it (a test keeps the two the same). Courses and
quizzes report through the same codes, so an author's table is the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """A content error's stable code, e.g. ``Code.DUPLICATE_KEY == "content.E002"``."""

    YAML_SYNTAX = "content.E001"
    DUPLICATE_KEY = "content.E002"
    NOT_UTF8 = "content.E003"
    EMPTY_FILE = "content.E004"
    FRONT_MATTER = "content.E005"
    MISSING_KEY = "content.E006"
    UNKNOWN_KEY = "content.E007"
    INVALID_VALUE = "content.E008"
    SCHEMA_VERSION = "content.E009"
    UNKNOWN_REFERENCE = "content.E010"
    MISSING_FILE = "content.E011"
    UNLISTED_FILE = "content.E012"
    DUPLICATE_ID = "content.E013"
    NO_SOURCES = "content.E014"
    UNREACHABLE_SERVICE = "content.E015"
    RESERVED_ID = "content.E016"
    NAME_MISMATCH = "content.E017"
    UNSAFE_MARKDOWN = "content.E018"
    # E019 was never given out.
    UNKNOWN_NEXT = "content.E020"
    UNREACHABLE_STEP = "content.E021"
    ENDLESS_PATH = "content.E022"
    NO_SAFE_ENDING = "content.E023"
    ANSWER_NOT_AN_OPTION = "content.E024"
    ORDERING_TOO_SHORT = "content.E025"
    BAD_QUIZ_THRESHOLD = "content.E026"
    COPYING_MARKED_RIGHT = "content.E027"
    COPYING_UNDECLARED = "content.E028"
    NO_KNOWLEDGE_CHECK = "content.E029"
    SOURCE_NOT_ACCEPTED = "content.E030"
    LAW_TOPICS = "content.E031"
    LAW_FOR_YOU_TOO_LONG = "content.E032"
    HELP_KINDS = "content.E033"
    BROKEN_STORY_BLOCK = "content.E034"
    UNKNOWN_STANDARD = "content.E035"
    BROKEN_CHECK = "content.E036"
    CHANGE_NOT_RECORDED = "content.E037"
    CHECK_SHAPE = "content.E040"

    FAMILY_GUIDE = "content.E045"

    @property
    def meaning(self) -> str:
        """What the code means, as docs/authoring.md's error tables say it."""
        return MEANINGS[self]


MEANINGS: dict[Code, str] = {
    Code.YAML_SYNTAX: "YAML syntax error",
    Code.DUPLICATE_KEY: "duplicate key in a mapping",
    Code.NOT_UTF8: "file is not UTF-8",
    Code.EMPTY_FILE: "empty file",
    Code.FRONT_MATTER: "broken front matter (missing `---` fence, not a mapping)",
    Code.MISSING_KEY: "required key missing",
    Code.UNKNOWN_KEY: "unknown key",
    Code.INVALID_VALUE: "wrong type or invalid value",
    Code.SCHEMA_VERSION: "unsupported or missing `schema_version`",
    Code.UNKNOWN_REFERENCE: "reference to something that does not exist",
    Code.MISSING_FILE: "file listed but missing",
    Code.UNLISTED_FILE: "file present but not listed",
    Code.DUPLICATE_ID: "duplicate id",
    Code.NO_SOURCES: "no sources",
    Code.UNREACHABLE_SERVICE: "help service without a URL, a phone number or a text line",
    Code.RESERVED_ID: "reserved id",
    Code.NAME_MISMATCH: "id does not match its file or folder name",
    Code.UNSAFE_MARKDOWN: "unsafe or unsupported Markdown (a link scheme other than https, mailto or a site path)",
    Code.UNKNOWN_NEXT: "`next` names no step or ending",
    Code.UNREACHABLE_STEP: "step cannot be reached from `start`",
    Code.ENDLESS_PATH: "a path never reaches an ending (a loop)",
    Code.NO_SAFE_ENDING: "from this step no path reaches a `safe` ending",
    Code.ANSWER_NOT_AN_OPTION: "answer is not among the options",
    Code.ORDERING_TOO_SHORT: "ordering has fewer than three steps",
    Code.BAD_QUIZ_THRESHOLD: "`pass_mark` is not above 0 and at most 1",
    Code.COPYING_MARKED_RIGHT: "an option that copies, saves, forwards or shows an image is marked right",
    Code.COPYING_UNDECLARED: (
        "an option seems to copy, save, forward or show an image and does not say `copies_image`"
    ),
    Code.NO_KNOWLEDGE_CHECK: "a quiz has no knowledge check, so there is nothing to pass",
    Code.SOURCE_NOT_ACCEPTED: "a source without a URL, or a source or link whose host is not on `publishers.yaml`",
    Code.LAW_TOPICS: "a law card without one of the required topics, or with one twice",
    Code.LAW_FOR_YOU_TOO_LONG: 'a law card\'s "What this means for you" is longer than 120 words',
    Code.HELP_KINDS: ("a help directory without a required kind of service (and no `missing` entry where allowed)"),
    Code.FAMILY_GUIDE: "a module's `family:` card names a guide that does not exist or is not for parents",
    Code.BROKEN_STORY_BLOCK: (
        "a broken `chat` or `notification` block (empty, a line without `Name:`, an unknown or missing field)"
    ),
    Code.UNKNOWN_STANDARD: "a `standards:` entry names a framework or statement code not in `content/standards/`",
    Code.BROKEN_CHECK: (
        "a broken practice `check` block (not YAML, a missing or unknown key, more than two in a lesson, "
        "or outside a lesson)"
    ),
    Code.CHECK_SHAPE: "a before-and-after check without 3 or 4 confidence statements and exactly 3 knowledge items",
    Code.CHANGE_NOT_RECORDED: (
        "a law card or help directory changed without an entry in `changes.yaml` recording its new content hash"
    ),
}


@dataclass(frozen=True, slots=True, order=True)
class ContentError:
    path: str  # relative to the content root's parent, e.g. "content/modules/consent/module.yaml"
    line: int  # 1-based; 0 when the problem is the file as a whole (a missing file)
    where: str  # dotted place in the file ("lessons[2]"), or "" for the whole file
    message: str
    code: Code

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        where = f" {self.where}:" if self.where else ""
        return f"{location}:{where} {self.message} [{self.code}]"


class ContentErrors(Exception):
    """Raised where broken content must stop a command; carries every error found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
