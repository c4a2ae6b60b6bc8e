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

One module per family of files: ``course`` (course.yaml, publishers.yaml,
module.yaml, lessons, teacher notes, guides), ``law_help`` (law cards, help
directories), ``standards`` (curriculum frameworks) and ``base`` (what every file is made of).
"""

from __future__ import annotations

from .base import (
    SCHEMA_VERSION,
    SLUG_PATTERN,
    AsOf,
    HttpsUrl,
    LaxDate,
    Slug,
    Source,
    Strict,
    Text,
    Versioned,
    require_sources,
)
from .changes import ChangeEntry, ChangeKind, ChangesFile, CrisisWordsFile
from .course import (
    RESERVED_LESSON_IDS,
    AgeBand,
    CourseFile,
    FirstStep,
    GuideFrontMatter,
    Illustration,
    LessonFrontMatter,
    LessonId,
    ModuleColour,
    ModuleFile,
    Publisher,
    PublisherKind,
    PublishersFile,
    Refused,
    Region,
    TeacherNotesFrontMatter,
)
from .law_help import (
    FOR_YOU_MAX_WORDS,
    HELP_KINDS,
    HELP_KINDS_REQUIRED,
    HELP_KINDS_REQUIRED_OR_EXPLAINED,
    LAW_TOPICS_REQUIRED,
    HelpDirectoryFile,
    HelpKind,
    HelpService,
    ImageAge,
    LawCardFile,
    LawEntry,
    LawTopic,
)
from .standards import StandardRef, StandardsFile, Statement, StatementCode

# Every file's schema by kind, as `manage.py content_schema` writes them to content/schema/<kind>.schema.json.
SCHEMAS: dict[str, type[Versioned]] = {
    "course": CourseFile,
    "module": ModuleFile,
    "lesson": LessonFrontMatter,
    "teacher-notes": TeacherNotesFrontMatter,
    "guide": GuideFrontMatter,
    "law-card": LawCardFile,
    "help-directory": HelpDirectoryFile,
    "publishers": PublishersFile,
    "changes": ChangesFile,
    "crisis-words": CrisisWordsFile,
    "standards": StandardsFile,
}

__all__ = [
    "ChangeEntry",
    "ChangeKind",
    "ChangesFile",
    "CrisisWordsFile",
    "FOR_YOU_MAX_WORDS",
    "HELP_KINDS",
    "HELP_KINDS_REQUIRED",
    "HELP_KINDS_REQUIRED_OR_EXPLAINED",
    "LAW_TOPICS_REQUIRED",
    "RESERVED_LESSON_IDS",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "SLUG_PATTERN",
    "AgeBand",
    "AsOf",
    "CourseFile",
    "FirstStep",
    "GuideFrontMatter",
    "HelpDirectoryFile",
    "HelpKind",
    "HelpService",
    "Illustration",
    "HttpsUrl",
    "ImageAge",
    "LaxDate",
    "LawCardFile",
    "LawEntry",
    "LawTopic",
    "LessonFrontMatter",
    "LessonId",
    "ModuleColour",
    "ModuleFile",
    "Publisher",
    "PublisherKind",
    "PublishersFile",
    "Refused",
    "Region",
    "Slug",
    "Source",
    "StandardRef",
    "StandardsFile",
    "Statement",
    "StatementCode",
    "Strict",
    "TeacherNotesFrontMatter",
    "Text",
    "Versioned",
    "require_sources",
]
