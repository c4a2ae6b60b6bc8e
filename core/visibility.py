"""Who sees what about a student: the one written rule, in words a 12-year-old can read.

Every page that tells someone what adults can see (``/join/welcome/``, ``/me/``, ``/family/``,
``/schools/``) renders these words through ``{% visibility_rule %}``, and ``docs/privacy.md``
(which ``/privacy/`` shows) states them too: a test fails if the doc loses one. The code that
decides what a teacher's or parent's page, download or CSV holds follows this rule, and
``tests/integration/test_visibility_marker.py`` walks every adult-facing URL to prove it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Fewer answers than this to a question and its counts are hidden from the class report.
MIN_RESPONSES_SHOWN = 5

# Fewer students than this have taken a module's before-and-after check before, or after, and the
# class's (or school's) totals for that module are hidden.
MIN_CHECK_STUDENTS = 5

# What a student's teachers and their school's admins see, for each student in their classes.
TEACHERS_SEE = (
    "nickname and username",
    "classes",
    "lessons done",
    "modules complete",
    "best quiz score (as a percent)",
    "work set and due dates",
    "the day of the last sign-in",
)
CLASS_COUNTS = (
    f"For a whole class, how many students chose each answer to a question, shown only once "
    f"{MIN_RESPONSES_SHOWN} or more have answered it."
)
CLASS_CHECKS = (
    f"For the before-and-after checks, only totals for a whole class or school, shown only once "
    f"{MIN_CHECK_STUDENTS} or more students have done a check before and {MIN_CHECK_STUDENTS} or more after."
)
# What a parent or carer sees about a child who linked them with a family code.
PARENTS_SEE = (
    "lessons done",
    "modules done",
    "quiz scores",
    "work set and due dates",
)
# What only the student sees (and finds in their own download).
ONLY_THE_STUDENT = (
    "the choices made in the stories",
    "the answer given to each question",
    "the answers to the before-and-after checks",
)


@dataclass(frozen=True, slots=True)
class Voice:
    """The same rule, said to one reader."""

    teachers: str
    class_counts: str
    parents: str
    only_student: str
    reflections: str


VOICES = {
    "student": Voice(
        teachers="Your teachers and your school’s Pause admins can see",
        class_counts=CLASS_COUNTS,
        parents="A parent or carer you link with a family code can see",
        only_student="Only you can see",
        reflections="What you write in reflection boxes never leaves your device. Nobody sees it, not even your "
        "teacher.",
    ),
    "parent": Voice(
        teachers="Your child’s teachers and school admins can see",
        class_counts=CLASS_COUNTS,
        parents="You can see",
        only_student="Only your child can see",
        reflections="What your child writes in reflection boxes never leaves their device. Nobody sees it.",
    ),
    "adult": Voice(
        teachers="Teachers and school admins can see, for each student in their classes",
        class_counts=CLASS_COUNTS,
        parents="A parent or carer the student links with a family code can see",
        only_student="Nobody but the student can see",
        reflections="Reflections (what a student types in a reflection box) never leave the student’s device.",
    ),
}


def rule_sentences() -> list[str]:
    """Every phrase of the rule, as docs/privacy.md must state it (the adults' voice)."""
    voice = VOICES["adult"]
    return [
        voice.teachers,
        *TEACHERS_SEE,
        voice.class_counts,
        CLASS_CHECKS,
        voice.parents,
        *PARENTS_SEE,
        voice.only_student,
        *ONLY_THE_STUDENT,
        voice.reflections,
    ]
