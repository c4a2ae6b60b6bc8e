"""The before-and-after checks, as a reader meets them: every module has one, it reads at the module's
level, its sentences are the student's own ("I …"), and no right answer keeps or passes on an image."""

from __future__ import annotations

import html

import pytest

from prepost.loader import load_checks
from tests.content.conftest import CONTENT, MODULES
from tools.text import fk_grade

COPYING = ("save it", "keep it", "forward it", "screenshot it", "show it to", "a copy of the photo")


@pytest.fixture(scope="module")
def checks(course):
    result = load_checks(course, CONTENT)
    assert result.errors == [], "\n".join(map(str, result.errors))
    return result.checks


def _as_html(check) -> str:
    blocks = [s.text for s in check.statements]
    for question in check.questions:
        blocks.append(question.prompt)
        blocks += [option.text for option in question.options]
    return "".join(f"<p>{html.escape(text)}</p>" for text in blocks)


@pytest.mark.parametrize("module_id", MODULES)
def test_each_module_has_a_check_that_reads_at_its_age_band(course, checks, module_id):
    module = course.module(module_id)
    limit = 7 if module.age_min <= 13 else 8
    grade = fk_grade(_as_html(checks[module_id]))
    assert grade <= limit, f"{module_id}/check.yaml: Flesch–Kincaid grade {grade:.1f}"


@pytest.mark.parametrize("module_id", MODULES)
def test_confidence_sentences_are_the_students_own(checks, module_id):
    for statement in checks[module_id].statements:
        assert statement.text.startswith("I "), f"{module_id}/{statement.id}"
        assert statement.text.endswith("."), f"{module_id}/{statement.id}"


@pytest.mark.parametrize("module_id", MODULES)
def test_no_right_answer_keeps_or_passes_on_an_image(checks, module_id):
    for question in checks[module_id].questions:
        right = next(option for option in question.options if option.id == question.answer).text.lower()
        assert not any(words in right for words in COPYING if f"don't {words}" not in right), (
            f"{module_id}/{question.id}"
        )
