"""A kind of question from outside the quizzes app works end to end: one module (this one), one template.

The toy kind "number" ("How many …?", a whole number) is registered by a
fixture, as another app would in its AppConfig.ready(); its partial is in
tests/fixtures/toy_kind/templates. Nothing in quizzes names it.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
from django import forms

from courses import registry as course_registry
from courses.errors import Code
from courses.loader import load_course
from quizzes import kinds, selectors
from quizzes.forms import AnswerForm
from quizzes.kinds import Answer, GradedAnswer, InvalidAnswer, Kind, RightAnswer, Source, TallyOption, TallyPlace
from quizzes.kinds.base import Data, Loc
from quizzes.loader import load_quizzes
from quizzes.models import QuizAttempt, QuizResponse
from quizzes.schemas import ItemSpec, Markdown
from tests.conftest import VALID_CONTENT

TOY = Path(__file__).resolve().parent.parent / "fixtures" / "toy_kind"
QUIZ = "/modules/alpha/quiz/"

# --- the toy kind: everything it is, in one place ---------------------------------------------


class NumberSpec(ItemSpec):
    kind: Literal["number"]
    prompt: Markdown
    answer: int
    most: int = 100
    explanation: Markdown


@dataclass(frozen=True, slots=True)
class Number:
    id: str
    lesson_id: str | None
    prompt_html: str
    answer: int
    most: int
    explanation_html: str
    kind: ClassVar[str] = "number"
    scored: ClassVar[bool] = True
    max_points: ClassVar[int] = 1


class NumberForm(AnswerForm):
    def __init__(self, *args: Any, most: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"] = forms.IntegerField(
            label="Your answer", min_value=0, max_value=most, error_messages={"required": "Give a number."}
        )

    def to_answer(self) -> Answer:
        return {"value": self.cleaned_data["value"]}


class NumberKind(Kind[NumberSpec, Number]):
    item_type = Number
    schema = NumberSpec
    template = "quizzes/kinds/number.html"

    def build(self, source: Source, loc: Loc, spec: NumberSpec) -> Number | None:
        if not 0 <= spec.answer <= spec.most:
            source.problem((*loc, "answer"), f"the answer must be between 0 and {spec.most}", Code.INVALID_VALUE)
            return None
        return Number(
            id=spec.id,
            lesson_id=spec.lesson,
            prompt_html=source.markdown((*loc, "prompt"), spec.prompt),
            answer=spec.answer,
            most=spec.most,
            explanation_html=source.markdown((*loc, "explanation"), spec.explanation),
        )

    def form(self, item: Number, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        return NumberForm(data=data, most=item.most)

    def normalise(self, item: Number, step_id: str | None, answer: Answer) -> Answer:
        value = answer.get("value")
        if set(answer) != {"value"} or type(value) is not int or not 0 <= value <= item.most:
            raise InvalidAnswer("give a whole number")
        return {"value": value}

    def grade(self, item: Number, step_id: str | None, answer: Answer) -> GradedAnswer:
        right = answer["value"] == item.answer
        return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)

    def example_answer(self, item: Number, step_id: str | None, *, right: bool) -> Answer:
        return {"value": item.answer if right else (item.answer + 1) % (item.most + 1)}

    def describe(self, item: Number, step_id: str | None, answer: Answer) -> list[str]:
        return [str(answer["value"])]

    def right_answer(self, item: Number) -> RightAnswer:
        return RightAnswer("The answer:", (str(item.answer),))

    def tally(self, item: Number) -> list[TallyPlace]:
        options = (TallyOption("right", f"{item.answer}", True), TallyOption("other", "Another number", False))
        return [TallyPlace("", item.prompt_html, options)]

    def tally_keys(self, item: Number, answer: Answer, correct: bool | None) -> list[str]:
        return ["right" if correct else "other"]


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def number_kind():
    kind = kinds.register(NumberKind())
    yield kind
    kinds.unregister(kind.name)


def _content(tmp_path: Path, quiz_file: str) -> Path:
    root = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, root)
    shutil.copyfile(TOY / quiz_file, root / "modules" / "alpha" / "quiz.yaml")
    return root


@pytest.fixture
def toy_site(number_kind, settings, tmp_path):
    """The fixture course with the toy quiz, served with the toy kind's template."""
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TOY / "templates"]}]
    settings.PAUSE_CONTENT_DIR = _content(tmp_path, "quiz.yaml")
    yield
    course_registry.reset()


def _load(root: Path):
    course = load_course(root).course
    assert course is not None
    return load_quizzes(course, root)


# --- the loader ---------------------------------------------------------------------------------


def test_the_loader_builds_a_registered_kind(number_kind, tmp_path):
    result = _load(_content(tmp_path, "quiz.yaml"))
    assert result.errors == []
    item = result.quizzes["alpha"].item("copies")
    assert isinstance(item, Number)
    assert item.answer == 4
    assert "NUMBER-PROMPT" in item.prompt_html
    assert result.quizzes["alpha"].max_score == 2  # the toy kind is scored, as it says


def test_a_kind_that_is_not_registered_is_an_error_at_its_line(tmp_path):
    result = _load(_content(tmp_path, "quiz.yaml"))
    assert [(e.path, e.line, e.code) for e in result.errors] == [
        ("content/modules/alpha/quiz.yaml", 6, Code.INVALID_VALUE)
    ]


@pytest.mark.parametrize(
    ("quiz_file", "line", "message"),
    [
        ("not-a-number.quiz.yaml", 14, "Input should be a valid integer (got 'four')"),  # its schema
        ("out-of-range.quiz.yaml", 14, "the answer must be between 0 and 10"),  # its builder
    ],
)
def test_a_registered_kinds_problems_are_reported_with_their_lines(number_kind, tmp_path, quiz_file, line, message):
    result = _load(_content(tmp_path, quiz_file))
    assert [(e.line, e.where, e.message, e.code) for e in result.errors] == [
        (line, "items[1].answer", message, Code.INVALID_VALUE)
    ]
    assert "alpha" not in result.quizzes


# --- the pages ----------------------------------------------------------------------------------


def _page(client) -> tuple[str, dict[str, str]]:
    html = client.get(QUIZ).content.decode()
    return html, dict(re.findall(r'name="(quiz|attempt|position|key)" value="([^"]*)"', html))


@pytest.mark.django_db
def test_a_toy_question_is_shown_answered_once_and_given_feedback_and_a_result(toy_site, client):
    assert client.post(QUIZ + "start/").status_code == 302
    html, fields = _page(client)
    assert "<h1>How many?</h1>" in html
    assert "NUMBER-PROMPT" in html
    assert 'name="value"' in html
    assert "NUMBER-EXPLANATION" not in html  # no feedback before the answer

    refused = client.post(QUIZ + "answer/", {**fields, "value": "11"})  # above the item's most
    assert refused.status_code == 400
    assert QuizResponse.objects.count() == 0

    first = client.post(QUIZ + "answer/", {**fields, "value": "3"})
    again = client.post(QUIZ + "answer/", {**fields, "value": "3"})  # a double click
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert list(QuizResponse.objects.values_list("item_id", "answer", "score", "correct")) == [
        ("copies", {"value": 3}, 0, False)
    ]

    feedback = client.get(first["Location"]).content.decode()
    assert "Not quite" in feedback
    assert "NUMBER-EXPLANATION" in feedback
    assert re.search(r"You chose:</strong></p>\s*<ul><li>3</li>", feedback)
    assert re.search(r"The answer:</strong></p>\s*<ul><li>4</li>", feedback)

    _, fields = _page(client)
    client.post(QUIZ + "answer/", {**fields, "choice": "false"})  # the true-false myth: right
    _, fields = _page(client)
    last = client.post(QUIZ + "answer/", fields)  # the reflection: nothing is sent
    attempt = QuizAttempt.objects.get()
    assert last["Location"] == f"{QUIZ}{attempt.public_id}/result/"
    assert attempt.finished
    assert (attempt.score, attempt.max_score) == (1, 2)
    assert attempt.passed
    result = client.get(last["Location"]).content.decode()
    assert "1 of 2" in result
    assert "NUMBER-PROMPT" in result
    assert "NUMBER-EXPLANATION" in result


@pytest.mark.django_db
def test_a_teachers_report_counts_a_toy_question(toy_site, django_user_model):
    from quizzes.demo import take_quiz
    from quizzes.registry import get_quiz

    quiz = get_quiz("alpha")
    assert quiz is not None
    learners = [django_user_model.objects.create_user(f"learner-{n}") for n in range(3)]
    for n, learner in enumerate(learners):
        take_quiz(user=learner, quiz=quiz, slip_every=1 if n == 0 else 0)
    counted = next(
        q for q in selectors.question_results(quiz=quiz, user_ids=[u.pk for u in learners]) if q.item_id == "copies"
    )
    assert counted.responses == 3
    assert [(o.text, o.count, o.correct) for o in counted.options] == [
        ("4", 2, True),
        ("Another number", 1, False),
    ]
