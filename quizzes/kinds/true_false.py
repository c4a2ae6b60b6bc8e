"""True or false: a myth-buster statement. Answer: ``{"value": true}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from django import forms

from ..forms import AnswerForm
from ..schemas import ItemSpec, Markdown
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, RightAnswer, Source, TallyOption, TallyPlace


class TrueFalseSpec(ItemSpec):
    kind: Literal["true-false"]
    statement: Markdown
    answer: bool
    explanation: Markdown


@dataclass(frozen=True, slots=True)
class TrueFalse:
    id: str
    lesson_id: str | None
    prompt_html: str  # the statement
    answer: bool
    explanation_html: str
    kind: ClassVar[str] = "true-false"
    scored: ClassVar[bool] = True
    max_points: ClassVar[int] = 1


class TrueFalseForm(AnswerForm):
    choice = forms.ChoiceField(
        label="True or false?",
        choices=[("true", "True"), ("false", "False")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose true or false."},
    )

    def to_answer(self) -> Answer:
        return {"value": self.cleaned_data["choice"] == "true"}


def _words(value: bool) -> str:
    return "True" if value else "False"


class TrueFalseKind(Kind[TrueFalseSpec, TrueFalse]):
    item_type = TrueFalse
    schema = TrueFalseSpec
    template = "quizzes/kinds/true_false.html"

    def build(self, source: Source, loc: Loc, spec: TrueFalseSpec) -> TrueFalse:
        return TrueFalse(
            id=spec.id,
            lesson_id=spec.lesson,
            prompt_html=source.markdown((*loc, "statement"), spec.statement),
            answer=spec.answer,
            explanation_html=source.markdown((*loc, "explanation"), spec.explanation),
        )

    def form(self, item: TrueFalse, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        return TrueFalseForm(data=data)

    def normalise(self, item: TrueFalse, step_id: str | None, answer: Answer) -> Answer:
        if set(answer) != {"value"} or not isinstance(answer["value"], bool):
            raise InvalidAnswer("choose true or false")
        return {"value": answer["value"]}

    def grade(self, item: TrueFalse, step_id: str | None, answer: Answer) -> GradedAnswer:
        right = answer["value"] is item.answer
        return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)

    def example_answer(self, item: TrueFalse, step_id: str | None, *, right: bool) -> Answer:
        return {"value": item.answer if right else not item.answer}

    def describe(self, item: TrueFalse, step_id: str | None, answer: Answer) -> list[str]:
        return [_words(answer["value"])]

    def right_answer(self, item: TrueFalse) -> RightAnswer:
        return RightAnswer("The answer:", (_words(item.answer),))

    def tally(self, item: TrueFalse) -> list[TallyPlace]:
        options = (
            TallyOption("true", "True", item.answer is True),
            TallyOption("false", "False", item.answer is False),
        )
        return [TallyPlace("", item.prompt_html, options)]

    def tally_keys(self, item: TrueFalse, answer: Answer, correct: bool | None) -> list[str]:
        return ["true" if answer["value"] else "false"] if "value" in answer else []


KIND = TrueFalseKind()
