"""Practice checks (```check blocks): parsed like a quiz item, every problem at its line, never a crash."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.errors import Code
from courses.loader import load_course
from courses.markdown import render_markdown, sanitize
from courses.practice import parse_check, split_at_checks
from courses.story_blocks import locate
from quizzes.loader import load_quizzes

SINGLE = """id: fries-r
kind: single
prompt: What does the R in FRIES stand for?
options:
  - id: reversible
    text: Reversible
    feedback: Yes. You can change your mind.
  - id: ready
    text: Ready
    feedback: Not quite.
answer: reversible"""


def test_a_single_choice_check_keeps_its_options_feedback_and_answer():
    check, problems = parse_check(SINGLE)
    assert problems == []
    assert check.prompt == "What does the R in FRIES stand for?"
    assert [(o.id, o.right, o.feedback) for o in check.options] == [
        ("reversible", True, "Yes. You can change your mind."),
        ("ready", False, "Not quite."),
    ]
    assert check.anchor == "check-fries-r"


def test_a_true_false_check_becomes_two_options_with_their_feedback():
    check, problems = parse_check(
        "id: late\nkind: true-false\nstatement: It is too late.\nanswer: false\nif_true: No.\nif_false: Right."
    )
    assert problems == []
    assert [(o.id, o.text, o.right, o.feedback) for o in check.options] == [
        ("true", "True", False, "No."),
        ("false", "False", True, "Right."),
    ]


@pytest.mark.parametrize(
    ("source", "line", "code", "says"),
    [
        ("", 0, Code.BROKEN_CHECK, "empty"),
        ("id: [unclosed", 2, Code.BROKEN_CHECK, "YAML syntax"),
        ("- a list", 1, Code.BROKEN_CHECK, "'key: value' lines"),
        ("id: x\nkind: essay\nprompt: Why?", 2, Code.BROKEN_CHECK, "kind must be 'single' or 'true-false'"),
        (SINGLE.replace("answer: reversible", "answer: nope"), 11, Code.ANSWER_NOT_AN_OPTION, "not among"),
        (SINGLE.replace("  - id: ready", "  - id: reversible"), 8, Code.DUPLICATE_ID, "duplicate option"),
        (SINGLE.replace("    feedback: Not quite.\n", ""), 8, Code.BROKEN_CHECK, "missing required key 'feedback'"),
        (SINGLE + "\nhint: extra", 12, Code.BROKEN_CHECK, "unknown key 'hint'"),
        (SINGLE.replace("id: fries-r", "id: yes"), 1, Code.BROKEN_CHECK, "got True"),
        (SINGLE.replace("text: Ready", "text: Save the photo"), 9, Code.COPYING_UNDECLARED, "copies_image"),
    ],
)
def test_each_problem_is_reported_at_its_line_with_its_code(source, line, code, says):
    _, problems = parse_check(source)
    assert [(p[0], p[2]) for p in problems] == [(line, code)], problems
    assert says in problems[0][1]


def test_a_check_is_a_slot_in_a_lesson_and_an_error_anywhere_else():
    text = f"Before.\n\n```check\n{SINGLE}\n```\n\nAfter."
    lesson = render_markdown(text, checks=True)
    assert lesson.block_errors == ()
    assert [check.id for check in lesson.checks] == ["fries-r"]
    parts = split_at_checks(lesson.html, lesson.checks)
    assert [part.check.id if part.check else None for part in parts] == ["fries-r", None]
    assert "Before." in parts[0].html
    assert "After." in parts[1].html
    elsewhere = render_markdown(text)
    [error] = elsewhere.block_errors
    assert error.code == Code.BROKEN_CHECK
    assert "belongs in a lesson" in error.message
    assert "story-broken" in elsewhere.html


def test_a_check_id_is_used_once_in_a_lesson_and_found_again_at_its_fence():
    second = SINGLE.replace("What does", "What else does")
    body = f"```check\n{SINGLE}\n```\n\ntext\n\n```check\n{second}\n```\n"
    [error] = render_markdown(body, checks=True).block_errors
    assert error.code == Code.DUPLICATE_ID
    assert locate(body.split("\n"), error) == 17  # the second block's first line ('id: fries-r'), 0-based


def test_a_broken_chat_in_quiz_feedback_is_a_content_error_at_its_line(valid_content):
    """Quiz text is rendered through the same reader, so E034 (and a misplaced check, E036) apply there too."""
    quiz = valid_content / "modules/alpha/quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace(
        "            feedback: Well done.\n",
        "            feedback: |\n              Well done.\n\n              ```chat\n              just words\n              ```\n",
    )
    quiz.write_text(text, encoding="utf-8")
    loaded = load_course(valid_content)
    assert loaded.errors == []
    assert loaded.course is not None
    errors = load_quizzes(loaded.course, valid_content).errors
    assert [(e.path, e.code) for e in errors] == [("content/modules/alpha/quiz.yaml", Code.BROKEN_STORY_BLOCK)]
    lines = text.split("\n")
    assert lines[errors[0].line - 1].strip() == "just words"


@settings(max_examples=200, deadline=None)
@given(body=st.text(max_size=200))
def test_odd_input_never_crashes_it_is_a_check_or_an_error(body):
    body = body.replace("`", "'")
    rendered = render_markdown(f"```check\n{body}\n```\n", checks=True)
    assert bool(rendered.checks) != bool(rendered.block_errors)
    assert sanitize(rendered.html) == rendered.html
