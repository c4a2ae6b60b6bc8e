"""A lesson as slides for the classroom screen, and the teacher notes that go with it.

Both are cut from HTML the loader has already rendered and sanitised: a slide is the text
before the first ``<h2>`` (the title slide) or one ``<h2>`` and what follows it; a lesson's
presenter notes are its row of the teacher notes' timings table and its discussion questions
(a bold paragraph naming the lesson, then a list). Cut once per process (cached by the HTML,
which does not change while a process runs); a request never parses a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from .domain import Lesson, Module

_H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_ROW = re.compile(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", re.DOTALL)
# A paragraph that is only bold words (never reaching into another paragraph), then a list.
_QUESTIONS = re.compile(r"<p><strong>((?:(?!</?p>).)*?)</strong></p>\s*(<ul>.*?</ul>)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Slide:
    number: int  # 1-based
    title: str  # plain text; "" for the title slide (the lesson's title is its heading)
    html: str  # sanitised lesson HTML, without the slide's own heading


@dataclass(frozen=True, slots=True)
class PresenterNotes:
    minutes: str  # as the timings table says it ("12"), or "" when the notes have no row for the lesson
    plan_html: str  # the row's "What happens"
    questions_html: str  # the discussion questions: a <ul>, or ""

    @property
    def empty(self) -> bool:
        return not (self.minutes or self.plan_html or self.questions_html)


def _text(html: str) -> str:
    return " ".join(unescape(_TAGS.sub("", html)).split())


def _same(part: str, title: str) -> bool:
    """Whether a timings row or questions heading names this lesson (a shortened title counts)."""
    part, title = _text(part).casefold().rstrip(".:"), title.casefold()
    # A shortened title has at least four words, so "Ground rules" or "Close" never claims a lesson.
    return part == title or (len(part.split()) >= 4 and title.startswith(part + " "))


@lru_cache(maxsize=256)
def _cut(html: str) -> tuple[Slide, ...]:
    headings = list(_H2.finditer(html))
    slides = [Slide(1, "", html[: headings[0].start()] if headings else html)]
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(html)
        slides.append(Slide(index + 2, _text(heading.group(1)), html[heading.end() : end]))
    return tuple(slides)


def lesson_slides(lesson: Lesson) -> tuple[Slide, ...]:
    """The lesson's slides: the title slide (its opening text), then one per ``<h2>``."""
    return _cut(lesson.html)


@lru_cache(maxsize=256)
def _notes(notes_html: str, title: str) -> PresenterNotes:
    minutes = plan = questions = ""
    for row in _ROW.finditer(notes_html):
        if _same(row.group(1), title):
            minutes, plan = _text(row.group(2)), row.group(3).strip()
            break
    for block in _QUESTIONS.finditer(notes_html):
        if _same(block.group(1), title):
            questions = block.group(2)
            break
    return PresenterNotes(minutes, plan, questions)


def presenter_notes(module: Module, lesson: Lesson) -> PresenterNotes:
    """The lesson's timing and discussion questions from its module's teacher notes (empty without)."""
    if module.teacher_notes is None:
        return PresenterNotes("", "", "")
    return _notes(module.teacher_notes.html, lesson.title)
