"""Practice checks: a ```check block in a lesson is a quick question answered in place.

The block is YAML in the shape of a quiz's knowledge check (courses/schemas/practice.py), with
feedback on every answer. It renders as an empty slot; the loader cuts the lesson's HTML at each
slot (:func:`split_at_checks`) and the lesson page puts a form there
(courses/_practice_check.html). Nothing about an answer is ever stored or scored.

A broken block never crashes a render: it is shown as its own text and recorded as a
:class:`~courses.story_blocks.BlockError` with ``content.E036`` (or the quiz's own code where a
quiz rule applies: E024, E027, E028, E013), which the reader reports with file and line.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from .copying import looks_like_copying
from .domain.practice import CheckOption, LessonPart, PracticeCheck
from .errors import Code
from .schemas.practice import PracticeCheckSpec, SingleCheck
from .story_blocks import BlockError
from .yamlpos import LineDict, line_of, load_positioned, normalise_loc, yaml_error_line

MAX_CHECKS = 2  # "one or two quick questions" a lesson
_SPEC: TypeAdapter[Any] = TypeAdapter(PracticeCheckSpec)
SLOT = '<div class="practice-check-slot" id="practice-slot-{id}"></div>'
_SLOT = re.compile(r'<div class="practice-check-slot" id="practice-slot-([a-z0-9-]+)"></div>')

Problem = tuple[int, str, Code]  # (line inside the block, message, code)


def _validation_problems(data: LineDict, error: ValidationError) -> list[Problem]:
    problems = []
    for problem in error.errors(include_url=False):
        loc = normalise_loc(data, tuple(problem["loc"]))
        line = line_of(data, loc)
        if problem["type"] == "missing":
            message = f"missing required key '{loc[-1]}'"
        elif problem["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
        elif problem["type"] in ("union_tag_invalid", "union_tag_not_found"):
            line = line_of(data, ("kind",))
            message = "kind must be 'single' or 'true-false'"
        else:
            place = ".".join(str(part) for part in loc)
            value = problem.get("input")
            shown = f" (got {value!r})" if isinstance(value, (bool, int, float, str)) or value is None else ""
            message = f"{place}: {problem['msg']}{shown}" if place else f"{problem['msg']}{shown}"
        problems.append((line, f"practice check: {message}", Code.BROKEN_CHECK))
    return problems


def parse_check(source: str) -> tuple[PracticeCheck | None, list[Problem]]:
    """The check in a block's YAML, or None, and every problem with its line inside the block."""
    if not source.strip():
        return None, [(0, "the practice check is empty: write its id, kind, prompt and options", Code.BROKEN_CHECK)]
    try:
        document = load_positioned(source)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [(yaml_error_line(exc), f"practice check: YAML syntax: {problem}", Code.BROKEN_CHECK)]
    data = document.data
    if not isinstance(data, LineDict):
        return None, [(1, "a practice check is 'key: value' lines (id, kind, prompt, options)", Code.BROKEN_CHECK)]
    problems: list[Problem] = [
        (d.line, f"practice check: duplicate key '{d.key}' (first at line {d.first_line})", Code.DUPLICATE_KEY)
        for d in document.duplicates
    ]
    try:
        spec = _SPEC.validate_python(data)
    except ValidationError as exc:
        return None, problems + _validation_problems(data, exc)
    if isinstance(spec, SingleCheck):
        return _single(spec, data, problems)
    options = (
        CheckOption(id="true", text="True", feedback=spec.if_true, right=spec.answer is True),
        CheckOption(id="false", text="False", feedback=spec.if_false, right=spec.answer is False),
    )
    return PracticeCheck(id=spec.id, kind=spec.kind, prompt=spec.statement, options=options), problems


def _single(spec: SingleCheck, data: LineDict, problems: list[Problem]) -> tuple[PracticeCheck | None, list[Problem]]:
    ids = [option.id for option in spec.options]
    for index, option_id in enumerate(ids):
        if option_id in ids[:index]:
            line = line_of(data, ("options", index, "id"))
            problems.append((line, f"practice check: duplicate option id '{option_id}'", Code.DUPLICATE_ID))
    if spec.answer not in ids:
        line = line_of(data, ("answer",))
        problems.append((line, f"practice check: answer '{spec.answer}' is not among the options", Code.ANSWER_NOT_AN_OPTION))  # fmt: skip
    for index, option in enumerate(spec.options):
        if option.copies_image and option.id == spec.answer:
            problems.append((
                line_of(data, ("options", index, "copies_image")),
                f"practice check: option '{option.id}' copies, saves, forwards or shows an image, "
                "so it can never be the right answer",
                Code.COPYING_MARKED_RIGHT,
            ))  # fmt: skip
        if option.copies_image is None and looks_like_copying(option.text):
            problems.append((
                line_of(data, ("options", index, "text")),
                f"practice check: option '{option.id}' seems to save, screenshot, forward or show an image: "
                "say copies_image: true or copies_image: false",
                Code.COPYING_UNDECLARED,
            ))  # fmt: skip
    options = tuple(
        CheckOption(id=o.id, text=o.text, feedback=o.feedback, right=o.id == spec.answer) for o in spec.options
    )
    return PracticeCheck(id=spec.id, kind=spec.kind, prompt=spec.prompt, options=options), problems


def format_check(source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any) -> str:
    """pymdownx.superfences' formatter for ```check: a slot where the lesson page puts the form.

    ``md.practice_checks`` is the list of the text's checks, or None where checks are not allowed
    (guides, teacher notes, quiz text); render_markdown sets it before each text.
    """
    errors = getattr(md, "story_block_errors", None)
    checks = getattr(md, "practice_checks", None)
    problems: list[Problem] = []
    check = None
    if checks is None:
        problems.append((0, "a practice check belongs in a lesson's text, not here", Code.BROKEN_CHECK))
    else:
        check, problems = parse_check(source)
        if check is not None and any(other.id == check.id for other in checks):
            problems.append((1, f"practice check id '{check.id}' is used twice in this lesson", Code.DUPLICATE_ID))
        elif check is not None and len(checks) >= MAX_CHECKS:
            problems.append((0, f"a lesson holds at most {MAX_CHECKS} practice checks", Code.BROKEN_CHECK))
    if errors is not None:
        for line, message, code in problems:
            errors.append(BlockError(kind="check", line=line, message=message, source=source, code=code))
    if problems or check is None or checks is None:
        return f'<pre class="story-broken"><code>{escape(source)}</code></pre>'
    checks.append(check)
    return SLOT.format(id=check.id)


def split_at_checks(html: str, checks: tuple[PracticeCheck, ...]) -> tuple[LessonPart, ...]:
    """The lesson's HTML as runs, each followed by the check whose slot ended it."""
    by_id = {check.id: check for check in checks}
    pieces = _SLOT.split(html)
    parts = [LessonPart(html=pieces[i], check=by_id.get(pieces[i + 1])) for i in range(0, len(pieces) - 1, 2)]
    parts.append(LessonPart(html=pieces[-1]))
    return tuple(parts)
