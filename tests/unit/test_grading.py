"""Grading is pure: deterministic, never above the maximum, indifferent to order where it should be."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.loader import load_course
from quizzes.grading import InvalidAnswer, grade_answer, grade_quiz, normalise_answer, passes
from quizzes.loader import load_quizzes
from tests.conftest import VALID_CONTENT


@pytest.fixture(scope="module")
def quiz():
    course = load_course(VALID_CONTENT).course
    assert course is not None
    return load_quizzes(course, VALID_CONTENT).quizzes["alpha"]


def _imports(module) -> set[str]:
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(module))
    return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }


def test_grading_and_the_kinds_never_touch_the_database():
    """Grading imports no Django; no kind's module (its form aside) imports the ORM or a model."""
    import inspect

    from quizzes import grading, kinds

    assert not [name for name in _imports(grading) if name.startswith("django")]
    for kind in kinds.registered():
        imported = _imports(inspect.getmodule(type(kind)))
        assert not [name for name in imported if name.startswith("django.db") or name.endswith("models")], kind


def test_a_story_choice_leads_on_and_is_never_scored(quiz):
    story = quiz.items[0]
    graded = grade_answer(story, "message", {"choice": "reply"})
    assert (graded.score, graded.max_score, graded.correct, graded.next_step, graded.ending) == (
        0, 0, None, "pressure", None,
    )  # fmt: skip
    last = grade_answer(story, "tell", {"choice": "tell-adult"})
    assert last.ending is not None
    assert (last.next_step, last.ending.outcome, last.score) == (None, "safe", 0)


@pytest.mark.parametrize(
    ("index", "answer", "right"),
    [
        (1, {"option": "reversible"}, True),
        (1, {"option": "ready"}, False),
        (2, {"options": ["guilt", "begging"]}, True),
        (2, {"options": ["begging"]}, False),
        (2, {"options": ["begging", "guilt", "listening"]}, False),
        (3, {"value": False}, True),
        (3, {"value": True}, False),
        (4, {"order": ["stop", "keep", "report"]}, True),
        (4, {"order": ["keep", "stop", "report"]}, False),
    ],
)
def test_knowledge_checks_score_one_only_when_fully_right(quiz, index, answer, right):
    graded = grade_answer(quiz.items[index], None, answer)
    assert (graded.correct, graded.score, graded.max_score) == (right, int(right), 1)


@pytest.mark.parametrize(
    ("index", "step", "answer"),
    [
        (0, "message", {"choice": "nope"}),
        (0, "nowhere", {"choice": "reply"}),
        (1, None, {"option": "nope"}),
        (1, None, {"option": "ready", "extra": 1}),
        (2, None, {"options": []}),
        (2, None, {"options": ["begging", "begging"]}),
        (3, None, {"value": "false"}),
        (4, None, {"order": ["stop", "keep"]}),
        (5, None, {"text": "my private thoughts"}),
        (1, None, "reversible"),
    ],
)
def test_malformed_answers_are_refused(quiz, index, step, answer):
    with pytest.raises(InvalidAnswer):
        grade_answer(quiz.items[index], step, answer)


def test_a_reflection_is_never_scored(quiz):
    graded = grade_answer(quiz.items[5], None, {})
    assert (graded.score, graded.max_score, graded.correct) == (0, 0, None)


def _responses(quiz, path, checks):
    story = [("story", step, {"choice": choice}) for step, choice in path]
    return story + [(quiz.items[i].id, None, answer) for i, answer in checks]


BEST_PATH = [("message", "ignore"), ("tell", "tell-adult")]
RISKY_PATH = [("message", "reply"), ("pressure", "send")]
ALL_RIGHT = [(1, {"option": "reversible"}), (2, {"options": ["begging", "guilt"]}), (3, {"value": False}),
             (4, {"order": ["stop", "keep", "report"]}), (5, {})]  # fmt: skip


def test_right_answers_score_the_maximum_whatever_the_story(quiz):
    for path in (BEST_PATH, RISKY_PATH):
        result = grade_quiz(quiz, _responses(quiz, path, ALL_RIGHT))
        assert result.score == result.max_score == 4
        assert result.passed


def test_only_the_knowledge_checks_decide_a_pass(quiz):
    result = grade_quiz(quiz, _responses(quiz, BEST_PATH, ALL_RIGHT[:1]))
    assert result.score == 1
    assert not result.passed
    story = next(item for item in result.items if item.item_id == "story")
    assert (story.score, story.max_score) == (0, 0)


answers = st.fixed_dictionaries(
    {
        1: st.sampled_from([{"option": "ready"}, {"option": "reversible"}]),
        2: st.lists(st.sampled_from(["begging", "listening", "guilt"]), min_size=1, unique=True).map(
            lambda o: {"options": o}
        ),
        3: st.booleans().map(lambda v: {"value": v}),
        4: st.permutations(["stop", "keep", "report"]).map(lambda o: {"order": list(o)}),
    }
)
paths = st.sampled_from([BEST_PATH, RISKY_PATH, [("message", "reply"), ("pressure", "refuse"), ("tell", "keep-quiet")]])


@settings(max_examples=200, deadline=None)
@given(path=paths, chosen=answers, shuffle=st.randoms())
def test_grading_is_deterministic_bounded_and_order_free(quiz, path, chosen, shuffle):
    responses = _responses(quiz, path, list(chosen.items()))
    first = grade_quiz(quiz, responses)
    shuffled = list(responses)
    shuffle.shuffle(shuffled)
    assert grade_quiz(quiz, shuffled) == first == grade_quiz(quiz, responses)
    assert 0 <= first.score <= first.max_score == quiz.max_score
    assert all(item.score <= item.max_score for item in first.items)
    assert first.passed == passes(first.score, first.max_score, quiz.pass_mark)


@given(options=st.permutations(["begging", "guilt"]))
def test_the_order_options_are_ticked_in_does_not_matter(quiz, options):
    assert normalise_answer(quiz.items[2], None, {"options": list(options)}) == {"options": ["begging", "guilt"]}
