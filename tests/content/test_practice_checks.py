"""Every lesson has a quick practice check along the way, readable at its module's level."""

from html import escape

import pytest

from tests.content.conftest import MODULES
from tools.text import fk_grade


def _lessons(course, module_id):
    return course.module(module_id).lessons


@pytest.mark.parametrize("module_id", MODULES)
def test_every_lesson_has_one_or_two_checks_with_feedback_on_every_answer(course, module_id):
    for lesson in _lessons(course, module_id):
        assert 1 <= len(lesson.checks) <= 2, f"{lesson.key}: {len(lesson.checks)} practice checks"
        for check in lesson.checks:
            assert 2 <= len(check.options) <= 4, f"{lesson.key}#{check.id}"
            assert sum(option.right for option in check.options) == 1, f"{lesson.key}#{check.id}"
            assert all(option.feedback for option in check.options), f"{lesson.key}#{check.id}"
            assert [part.check for part in lesson.parts if part.check].count(check) == 1  # placed in the text


@pytest.mark.parametrize("module_id", MODULES)
def test_the_checks_read_at_the_level_of_their_module(course, module_id):
    module = course.module(module_id)
    limit = 7 if module.age_min <= 13 else 8
    sentences = []
    for lesson in module.lessons:
        for check in lesson.checks:
            sentences.append(check.prompt)
            sentences += [f"{option.text} {option.feedback}" for option in check.options]
    html = "".join(f"<p>{escape(sentence)}</p>" for sentence in sentences)
    assert fk_grade(html) <= limit, f"{module_id}: Flesch–Kincaid grade {fk_grade(html):.1f}"


def test_no_right_answer_keeps_quiet_or_blames_the_person_in_the_image(course):
    for module in course.modules:
        for lesson in module.lessons:
            for check in lesson.checks:
                for option in check.options:
                    words = f"{option.text} {option.feedback}".lower()
                    if option.right:
                        assert "your fault" not in words or "not your fault" in words or "never" in words, (
                            f"{lesson.key}#{check.id}"
                        )
                        assert "say nothing" not in words and "keep quiet" not in words, f"{lesson.key}#{check.id}"


def test_every_feedback_starts_with_its_verdict(course):
    for module in course.modules:
        for lesson in module.lessons:
            for check in lesson.checks:
                for option in check.options:
                    verdicts = ("Yes.", "Right.") if option.right else ("Not quite.", "No.", "Not so.")
                    assert option.feedback.startswith(verdicts), f"{lesson.key}#{check.id}: {option.id}"
