"""The curriculum map: each framework's statements with the lessons and quiz questions that cover them.

Lives in quizzes because it joins the course (lessons and modules name the
statements they teach, `standards:`) with the quizzes (a question covers the
statements of the lesson it names in `lesson:`), and quizzes is the app that
may read both (DESIGN.md, "Which way the imports go"). Everything here is public
course content: a question's prompt, never its answer.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from courses import selectors as course_selectors
from courses.domain import Framework, Lesson, Module, Statement

from . import kinds
from .domain import Item
from .registry import get_quiz

BOM = "\ufeff"  # so a spreadsheet reads the file as UTF-8 (as the class CSV does)


@dataclass(frozen=True, slots=True)
class CoveringLesson:
    module: Module
    lesson: Lesson

    @property
    def url(self) -> str:
        return reverse("courses:lesson", args=[self.module.id, self.lesson.id])


@dataclass(frozen=True, slots=True)
class CoveringQuestion:
    module: Module
    number: int  # its place in the module's quiz, from 1
    prompt: str  # plain text, shortened

    @property
    def url(self) -> str:
        return reverse("quizzes:quiz", args=[self.module.id])


@dataclass(frozen=True, slots=True)
class StatementCoverage:
    statement: Statement
    modules: tuple[Module, ...]  # modules whose module.yaml names it (the whole module teaches it)
    lessons: tuple[CoveringLesson, ...]
    questions: tuple[CoveringQuestion, ...]

    @property
    def covered(self) -> bool:
        return bool(self.modules or self.lessons)


@dataclass(frozen=True, slots=True)
class FrameworkMap:
    framework: Framework
    statements: tuple[StatementCoverage, ...]

    @property
    def covered(self) -> tuple[StatementCoverage, ...]:
        return tuple(s for s in self.statements if s.covered)

    @property
    def not_covered(self) -> tuple[StatementCoverage, ...]:
        return tuple(s for s in self.statements if not s.covered)


def _prompt(item: Item) -> str:
    """The words of the question (a story's first step), never its answer."""
    kind = kinds.of(item)
    places = kind.tally(item)
    first = kind.first_step(item)
    place = next((p for p in places if p.step_id == first), places[0] if places else None)
    # A reflection counts no places (its answer never reaches the server), but it has its words.
    text = strip_tags(place.prompt_html if place else getattr(item, "prompt_html", ""))
    return Truncator(" ".join(text.split())).chars(160) or f"Question {item.id}"


def _build(framework: Framework) -> FrameworkMap:
    course = course_selectors.get_course()
    refs = {s.ref for s in framework.statements}
    modules: dict[str, list[Module]] = {ref: [] for ref in refs}
    lessons: dict[str, list[CoveringLesson]] = {ref: [] for ref in refs}
    questions: dict[str, list[CoveringQuestion]] = {ref: [] for ref in refs}
    for module in course.modules:
        for ref in refs.intersection(module.standards):
            modules[ref].append(module)
        taught: dict[str, tuple[str, ...]] = {}
        for lesson in module.lessons:
            taught[lesson.id] = lesson.standards
            for ref in refs.intersection(lesson.standards):
                lessons[ref].append(CoveringLesson(module, lesson))
        quiz = get_quiz(module.id)
        for number, item in enumerate(quiz.items if quiz else (), start=1):
            for ref in refs.intersection(taught.get(item.lesson_id or "", ())):
                questions[ref].append(CoveringQuestion(module, number, _prompt(item)))
    return FrameworkMap(
        framework=framework,
        statements=tuple(
            StatementCoverage(s, tuple(modules[s.ref]), tuple(lessons[s.ref]), tuple(questions[s.ref]))
            for s in framework.statements
        ),
    )


def curriculum_maps() -> list[FrameworkMap]:
    """Every framework in content/standards/, with its coverage, for /curriculum/."""
    return [_build(framework) for framework in course_selectors.get_course().standards.frameworks]


def curriculum_map(framework_id: str) -> FrameworkMap:
    """One framework's map; 404 for a framework that is not there."""
    framework = course_selectors.get_course().standards.framework(framework_id)
    if framework is None:
        raise Http404("No such curriculum framework")
    return _build(framework)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps them text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def curriculum_csv_lines(mapped: FrameworkMap, *, site: str) -> Iterator[str]:
    """One row per statement: its code and words, whether Pause covers it, and the lessons and questions."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(
        [
            "Framework",
            "Code",
            "Section",
            "Stage",
            "Statement",
            "Statement source",
            "Covered by Pause",
            "Modules",
            "Lessons",
            "Lesson links",
            "Quiz questions",
        ]
    )
    for row in mapped.statements:
        s = row.statement
        yield writer.writerow(
            [
                _cell(mapped.framework.short_name),
                _cell(s.code),
                _cell(s.section or ""),
                _cell(s.stage or ""),
                _cell(s.text),
                s.url,
                "yes" if row.covered else "no",
                _cell("; ".join(m.title for m in row.modules)),
                _cell("; ".join(f"{c.module.title}: {c.lesson.title}" for c in row.lessons)),
                " ".join(site + c.url for c in row.lessons),
                _cell("; ".join(f"{q.module.title} quiz, question {q.number}: {q.prompt}" for q in row.questions)),
            ]
        )
