"""Read every module's quiz.yaml into :class:`~quizzes.domain.Quiz` objects.

Uses the content engine's reader, so a quiz file's problems are reported like
any other content problem: ``path:line: where: message [content.Ennn]``, all
at once. What an item of each kind may say, and how it is built, is its
kind's (:mod:`quizzes.kinds`); this module checks what the quiz as a whole
must hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from courses.domain import Course, Module
from courses.errors import Code, ContentError
from courses.loader import TEACHER_NOTES
from courses.reader import ContentReader
from courses.schemas import ModuleFile

from . import kinds
from .domain import Item, Quiz
from .schemas import QuizFileBase


@dataclass
class QuizLoadResult:
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # by module id
    errors: list[ContentError] = field(default_factory=list)


class QuizLoader:
    def __init__(self, course: Course, content_root: Path):
        self.course = course
        self.reader = ContentReader(content_root)
        if course.publishers:
            self.reader.link_host_allowed = lambda url: course.publisher_of(url) is not None

    def load(self) -> QuizLoadResult:
        quizzes = {}
        for module in self.course.modules:
            if module.quiz_file is None:
                continue
            path = module.folder / module.quiz_file
            if not path.is_file():
                self._missing(module)
                continue
            quiz = self._quiz(module, path)
            if quiz is not None:
                quizzes[module.id] = quiz
        return QuizLoadResult(quizzes=quizzes, errors=sorted(self.reader.errors))

    def _missing(self, module: Module) -> None:
        """The quiz module.yaml names is not there: reported at module.yaml's `quiz` line."""
        module_yaml = module.folder / "module.yaml"
        parsed = self.reader.read_yaml(module_yaml, ModuleFile)
        line = parsed.line("quiz") if parsed else 0
        self.reader.error(module_yaml, line, "quiz", f"'{module.quiz_file}' is missing", Code.MISSING_FILE)

    def _quiz(self, module: Module, path: Path) -> Quiz | None:
        parsed = self.reader.read_yaml(path, kinds.quiz_file_schema())
        if parsed is None:
            return None
        spec = parsed.model
        assert isinstance(spec, QuizFileBase)
        source = kinds.Source(self.reader, path, parsed)
        errors_before = len(self.reader.errors)
        if not 0 < spec.pass_mark <= 1:
            source.problem(("pass_mark",), "pass_mark must be above 0 and at most 1", Code.BAD_QUIZ_THRESHOLD)
        source.duplicates(("items",), [item.id for item in spec.items], "item")
        # Lesson files, not loaded lessons: a broken lesson is reported once, in its own file.
        lesson_ids = {p.stem for p in path.parent.glob("*.md") if p.name != TEACHER_NOTES}
        items: list[Item] = []
        for index, item_spec in enumerate(spec.items):
            loc = ("items", index)
            if item_spec.lesson is not None and item_spec.lesson not in lesson_ids:
                source.problem(
                    (*loc, "lesson"), f"no lesson '{item_spec.lesson}' in this module", Code.UNKNOWN_REFERENCE
                )
            built = kinds.get(item_spec.kind).build(source, loc, item_spec)
            if built is not None:
                items.append(built)
        if not any(kinds.get(item_spec.kind).scored for item_spec in spec.items):
            source.problem(
                ("items",), "no knowledge check: a quiz passes on its knowledge checks", Code.NO_KNOWLEDGE_CHECK
            )
        if len(self.reader.errors) > errors_before:
            return None
        return Quiz(
            module_id=module.id,
            title=spec.title,
            intro_html=source.markdown(("intro",), spec.intro),
            content_note=spec.content_note,
            pass_mark=spec.pass_mark,
            items=tuple(items),
            content_hash=parsed.digest,
        )


def load_quizzes(course: Course, content_root: Path | str) -> QuizLoadResult:
    return QuizLoader(course, Path(content_root)).load()
