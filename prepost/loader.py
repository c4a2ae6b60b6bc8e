"""Read every module's check.yaml (when it has one) into :class:`~prepost.domain.Check` objects.

Uses the content engine's reader, so a problem is reported like any content problem, with its file,
line and code, all at once. A module without check.yaml simply has no before-and-after check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from courses.domain import Course, Module
from courses.errors import Code, ContentError
from courses.loader import TEACHER_NOTES
from courses.reader import ContentReader, ParsedFile, where_of

from .domain import Check, Option, Question, Statement
from .schemas import CONFIDENCE_MAX, CONFIDENCE_MIN, KNOWLEDGE_ITEMS, CheckFile

CHECK_FILE = "check.yaml"


@dataclass
class CheckLoadResult:
    checks: dict[str, Check] = field(default_factory=dict)  # by module id
    errors: list[ContentError] = field(default_factory=list)


class CheckLoader:
    def __init__(self, course: Course, content_root: Path):
        self.course = course
        self.reader = ContentReader(content_root)

    def load(self) -> CheckLoadResult:
        checks = {}
        for module in self.course.modules:
            path = module.folder / CHECK_FILE
            if path.is_file():
                check = self._check(module, path)
                if check is not None:
                    checks[module.id] = check
        return CheckLoadResult(checks=checks, errors=sorted(self.reader.errors))

    def _problem(self, path: Path, parsed: ParsedFile[CheckFile], loc: tuple, message: str, code: Code) -> None:
        self.reader.error(path, parsed.line(*loc), where_of(loc), message, code)

    def _check(self, module: Module, path: Path) -> Check | None:
        parsed = self.reader.read_yaml(path, CheckFile)
        if parsed is None:
            return None
        spec = parsed.model
        before = len(self.reader.errors)
        if not CONFIDENCE_MIN <= len(spec.confidence) <= CONFIDENCE_MAX:
            self._problem(
                path,
                parsed,
                ("confidence",),
                f"{len(spec.confidence)} confidence statements: a check has {CONFIDENCE_MIN} or {CONFIDENCE_MAX}",
                Code.CHECK_SHAPE,
            )
        if len(spec.knowledge) != KNOWLEDGE_ITEMS:
            self._problem(
                path,
                parsed,
                ("knowledge",),
                f"{len(spec.knowledge)} knowledge items: a check has exactly {KNOWLEDGE_ITEMS}",
                Code.CHECK_SHAPE,
            )
        for key, ids in (
            ("confidence", [s.id for s in spec.confidence]),
            ("knowledge", [k.id for k in spec.knowledge]),
        ):
            seen: set[str] = set()
            for index, item_id in enumerate(ids):
                if item_id in seen:
                    self._problem(path, parsed, (key, index, "id"), f"duplicate id '{item_id}'", Code.DUPLICATE_ID)
                seen.add(item_id)
        # Lesson files, not loaded lessons: a broken lesson is reported once, in its own file.
        lessons = {p.stem for p in path.parent.glob("*.md") if p.name != TEACHER_NOTES}
        for index, item in enumerate(spec.knowledge):
            if item.lesson not in lessons:
                self._problem(
                    path,
                    parsed,
                    ("knowledge", index, "lesson"),
                    f"no lesson '{item.lesson}' in this module",
                    Code.UNKNOWN_REFERENCE,
                )
            option_ids = [option.id for option in item.options]
            if len(set(option_ids)) != len(option_ids):
                self._problem(
                    path, parsed, ("knowledge", index, "options"), "two options share an id", Code.DUPLICATE_ID
                )
            if item.answer not in option_ids:
                self._problem(
                    path,
                    parsed,
                    ("knowledge", index, "answer"),
                    f"answer '{item.answer}' is not one of the options",
                    Code.ANSWER_NOT_AN_OPTION,
                )
        if len(self.reader.errors) > before:
            return None
        return Check(
            module_id=module.id,
            statements=tuple(Statement(s.id, s.text) for s in spec.confidence),
            questions=tuple(
                Question(
                    id=k.id,
                    lesson_id=k.lesson,
                    prompt=k.prompt,
                    options=tuple(Option(o.id, o.text) for o in k.options),
                    answer=k.answer,
                )
                for k in spec.knowledge
            ),
            content_hash=parsed.digest,
        )


def load_checks(course: Course, content_root: Path | str) -> CheckLoadResult:
    return CheckLoader(course, Path(content_root)).load()
