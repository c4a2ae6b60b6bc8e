"""Read every module's quiz.yaml into :class:`~quizzes.domain.Quiz` objects.

Uses the content engine's reader, so a quiz file's problems are reported like
any other content problem: ``path:line: where: message [content.Ennn]``, all
at once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from courses.domain import Course, Module
from courses.errors import ContentError
from courses.reader import ContentReader, ParsedFile, where_of
from courses.schemas import ModuleFile

from . import domain, schemas
from .validation import GraphStep, analyse, check_scenario

# Words that suggest an answer makes or passes on a copy of an image. Such an answer must say whether it
# does (copies_image), so no answer that copies an image can be scored right by oversight (E027, E028).
_COPY_VERB = r"(?:sav(?:e|es|ed|ing)|screenshot\w*|screen-?grab\w*|download\w*|forward\w*|show(?:s|ed|ing|n)?|cop(?:y|ies|ied|ying)|keep(?:s|ing)?|kept|send(?:s|ing)?|sent|shar(?:e|es|ed|ing)|post(?:s|ed|ing)?|pass(?:es|ed|ing)? (?:it|them) on)"
_IMAGE = r"(?:photo|image|picture|pic|nude|video|selfie|it|them)s?"
_COPYING = re.compile(rf"\b{_COPY_VERB}\b(?:\W+\w+){{0,6}}?\W+{_IMAGE}\b", re.IGNORECASE)


def looks_like_copying(text: str) -> bool:
    """Whether an answer's words look like saving, screenshotting, forwarding or showing an image."""
    return bool(_COPYING.search(text))


@dataclass
class QuizLoadResult:
    quizzes: dict[str, domain.Quiz] = field(default_factory=dict)  # by module id
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
        self.reader.error(module_yaml, line, "quiz", f"'{module.quiz_file}' is missing", "content.E011")

    def _problem(self, path: Path, parsed: ParsedFile, loc: tuple, message: str, code: str) -> None:
        self.reader.error(path, parsed.line(*loc), where_of(loc), message, code)

    def _duplicates(self, path, parsed, prefix: tuple, ids: list[str], what: str) -> None:
        counts = Counter(ids)
        for index, item_id in enumerate(ids):
            if counts[item_id] > 1 and ids.index(item_id) != index:
                self._problem(path, parsed, (*prefix, index, "id"), f"duplicate {what} id '{item_id}'", "content.E013")

    def _markdown(self, path: Path, parsed: ParsedFile, loc: tuple, text: str | None) -> str:
        return self.reader.render(path, text, parsed.line(*loc)).html if text else ""

    def _quiz(self, module: Module, path: Path) -> domain.Quiz | None:
        parsed = self.reader.read_yaml(path, schemas.QuizFile)
        if parsed is None:
            return None
        spec: schemas.QuizFile = parsed.model
        errors_before = len(self.reader.errors)
        if not 0 < spec.pass_mark <= 1:
            self._problem(path, parsed, ("pass_mark",), "pass_mark must be above 0 and at most 1", "content.E026")
        self._duplicates(path, parsed, ("items",), [item.id for item in spec.items], "item")
        # Lesson files, not loaded lessons: a broken lesson is reported once, in its own file.
        lesson_ids = {p.stem for p in path.parent.glob("*.md")} - {"teacher"}
        items = []
        for index, item in enumerate(spec.items):
            loc = ("items", index)
            if item.lesson is not None and item.lesson not in lesson_ids:
                self._problem(
                    path, parsed, (*loc, "lesson"), f"no lesson '{item.lesson}' in this module", "content.E010"
                )
            built = getattr(self, f"_{item.kind.replace('-', '_')}")(path, parsed, loc, item)
            if built is not None:
                items.append(built)
        if not any(isinstance(item, schemas.KNOWLEDGE_CHECKS) for item in spec.items):
            self._problem(
                path, parsed, ("items",), "no knowledge check: a quiz passes on its knowledge checks", "content.E029"
            )
        if len(self.reader.errors) > errors_before:
            return None
        return domain.Quiz(
            module_id=module.id,
            title=spec.title,
            intro_html=self._markdown(path, parsed, ("intro",), spec.intro),
            content_note=spec.content_note,
            pass_mark=spec.pass_mark,
            items=tuple(items),
            content_hash=parsed.digest,
        )

    # --- one builder per item kind ------------------------------------------------------

    def _scenario(self, path, parsed, loc, item: schemas.ScenarioItem) -> domain.Scenario | None:
        self._duplicates(path, parsed, (*loc, "steps"), [s.id for s in item.steps], "step")
        self._duplicates(path, parsed, (*loc, "endings"), [e.id for e in item.endings], "ending")
        clash = {s.id for s in item.steps} & {e.id for e in item.endings}
        for name in sorted(clash):
            self._problem(path, parsed, (*loc, "endings"), f"'{name}' is both a step and an ending", "content.E013")
        for step_index, step in enumerate(item.steps):
            self._duplicates(
                path, parsed, (*loc, "steps", step_index, "choices"), [c.id for c in step.choices], "choice"
            )
        graph = [GraphStep(s.id, tuple(c.next for c in s.choices)) for s in item.steps]
        endings = {e.id: e.outcome for e in item.endings}
        problems = check_scenario(item.start, graph, endings)
        for problem in problems:
            self._problem(path, parsed, (*loc, *problem.loc), problem.message, problem.code)
        if problems or clash:
            return None
        facts = analyse(item.start, graph, endings)
        steps = {}
        for step_index, step in enumerate(item.steps):
            step_loc = (*loc, "steps", step_index)
            choices = tuple(
                domain.Choice(
                    id=c.id,
                    text=c.text,
                    feedback_html=self._markdown(path, parsed, (*step_loc, "choices", i, "feedback"), c.feedback),
                    next=c.next,
                )
                for i, c in enumerate(step.choices)
            )
            steps[step.id] = domain.Step(
                id=step.id,
                prompt_html=self._markdown(path, parsed, (*step_loc, "prompt"), step.prompt),
                choices=choices,
            )
        return domain.Scenario(
            id=item.id,
            lesson_id=item.lesson,
            title=item.title,
            intro_html=self._markdown(path, parsed, (*loc, "intro"), item.intro),
            start=item.start,
            steps=MappingProxyType(steps),
            endings=MappingProxyType(
                {
                    e.id: domain.Ending(
                        id=e.id,
                        title=e.title,
                        outcome=e.outcome,
                        summary_html=self._markdown(path, parsed, (*loc, "endings", i, "summary"), e.summary),
                        next_steps_html=self._markdown(path, parsed, (*loc, "endings", i, "next_steps"), e.next_steps),
                    )
                    for i, e in enumerate(item.endings)
                }
            ),
            steps_to_end=MappingProxyType(facts.steps_to_end),
        )

    def _options(self, path, parsed, loc, options: list[schemas.Option], answers: list[str], key: str):
        ids = [o.id for o in options]
        self._duplicates(path, parsed, (*loc, "options"), ids, "option")
        for answer_index, answer in enumerate(answers):
            if answer not in ids:
                where = (*loc, key, answer_index) if key == "answers" else (*loc, key)
                self._problem(path, parsed, where, f"answer '{answer}' is not among the options", "content.E024")
        for index, option in enumerate(options):
            place = (*loc, "options", index)
            if option.copies_image and option.id in answers:
                self._problem(
                    path, parsed, (*place, "copies_image"),
                    f"option '{option.id}' copies, saves, forwards or shows an image, so it can never be a right answer",
                    "content.E027",
                )  # fmt: skip
            if option.copies_image is None and looks_like_copying(option.text):
                self._problem(
                    path, parsed, (*place, "text"),
                    f"option '{option.id}' seems to save, screenshot, forward or show an image: "
                    "say copies_image: true (it then scores 0) or copies_image: false",
                    "content.E028",
                )  # fmt: skip
        return tuple(domain.Option(o.id, o.text, bool(o.copies_image)) for o in options)

    def _single(self, path, parsed, loc, item: schemas.SingleItem) -> domain.SingleChoice:
        return domain.SingleChoice(
            id=item.id,
            lesson_id=item.lesson,
            prompt_html=self._markdown(path, parsed, (*loc, "prompt"), item.prompt),
            options=self._options(path, parsed, loc, item.options, [item.answer], "answer"),
            answer=item.answer,
            explanation_html=self._markdown(path, parsed, (*loc, "explanation"), item.explanation),
        )

    def _multiple(self, path, parsed, loc, item: schemas.MultipleItem) -> domain.MultipleChoice:
        self._duplicates(path, parsed, (*loc, "answers"), list(item.answers), "answer")
        return domain.MultipleChoice(
            id=item.id,
            lesson_id=item.lesson,
            prompt_html=self._markdown(path, parsed, (*loc, "prompt"), item.prompt),
            options=self._options(path, parsed, loc, item.options, list(item.answers), "answers"),
            answers=frozenset(item.answers),
            explanation_html=self._markdown(path, parsed, (*loc, "explanation"), item.explanation),
        )

    def _true_false(self, path, parsed, loc, item: schemas.TrueFalseItem) -> domain.TrueFalse:
        return domain.TrueFalse(
            id=item.id,
            lesson_id=item.lesson,
            statement_html=self._markdown(path, parsed, (*loc, "statement"), item.statement),
            answer=item.answer,
            explanation_html=self._markdown(path, parsed, (*loc, "explanation"), item.explanation),
        )

    def _ordering(self, path, parsed, loc, item: schemas.OrderingItem) -> domain.Ordering:
        if len(item.steps) < 3:
            self._problem(path, parsed, (*loc, "steps"), "an ordering needs at least three steps", "content.E025")
        self._duplicates(path, parsed, (*loc, "steps"), [s.id for s in item.steps], "step")
        return domain.Ordering(
            id=item.id,
            lesson_id=item.lesson,
            prompt_html=self._markdown(path, parsed, (*loc, "prompt"), item.prompt),
            steps=tuple(domain.Option(s.id, s.text) for s in item.steps),
            explanation_html=self._markdown(path, parsed, (*loc, "explanation"), item.explanation),
        )

    def _reflection(self, path, parsed, loc, item: schemas.ReflectionItem) -> domain.Reflection:
        return domain.Reflection(
            id=item.id,
            lesson_id=item.lesson,
            prompt_html=self._markdown(path, parsed, (*loc, "prompt"), item.prompt),
        )


def load_quizzes(course: Course, content_root: Path | str) -> QuizLoadResult:
    return QuizLoader(course, Path(content_root)).load()
