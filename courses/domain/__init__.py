"""The course as frozen Python objects.

The loader builds these once per process from ``content/``; pages and other
apps read them and never touch YAML or Markdown. They know nothing of storage,
requests or the Markdown renderer. Progress and quiz attempts refer to modules
and lessons by their ids (stable slugs) plus a content hash, never by database
keys, so a content edit never rewrites a learner's past.

One module per part of the course: ``course`` (course, modules, lessons,
guides), ``law_help`` (law cards, help directories, first steps),
``publishers`` (accepted publishers), ``standards`` (curriculum frameworks) and ``base`` (what they share).
"""

from .base import Heading, Region, Source
from .course import AgeBand, Course, FamilyCard, Guide, Illustration, Lesson, Module, TeacherNotes
from .law_help import (
    HELP_SECTIONS,
    KIND_LABELS,
    READER_SECTIONS,
    Change,
    FirstStep,
    HelpDirectory,
    HelpSection,
    HelpService,
    LawCard,
    LawEntry,
)
from .practice import CheckOption, LessonPart, PracticeCheck
from .publishers import Publisher, Publishers, Refusal, host_of
from .standards import Framework, Standards, Statement

__all__ = [
    "Change",
    "HELP_SECTIONS",
    "KIND_LABELS",
    "READER_SECTIONS",
    "AgeBand",
    "CheckOption",
    "Course",
    "FamilyCard",
    "FirstStep",
    "Guide",
    "Heading",
    "HelpDirectory",
    "HelpSection",
    "HelpService",
    "Illustration",
    "LawCard",
    "LawEntry",
    "Lesson",
    "LessonPart",
    "Module",
    "PracticeCheck",
    "Publisher",
    "Publishers",
    "Framework",
    "Refusal",
    "Region",
    "Source",
    "Standards",
    "Statement",
    "TeacherNotes",
    "host_of",
]
