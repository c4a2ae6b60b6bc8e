"""Single choice: one right answer among two to six options. Answer: ``{"option": "<option id>"}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from courses.schemas import Slug

from ..domain import Option
from ..forms import AnswerForm, ChoiceForm
from ..schemas import ItemSpec, Markdown
from ..schemas import Option as OptionSpec
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, RightAnswer, Source, TallyOption, TallyPlace
from .options import build_options, option_texts


class SingleSpec(ItemSpec):
    kind: Literal["single"]
    prompt: Markdown
    options: Annotated[list[OptionSpec], Field(min_length=2, max_length=6)]
    answer: Slug
    explanation: Markdown


@dataclass(frozen=True, slots=True)
class SingleChoice:
    id: str
    lesson_id: str | None
    prompt_html: str
    options: tuple[Option, ...]
    answer: str
    explanation_html: str
    kind: ClassVar[str] = "single"
    scored: ClassVar[bool] = True
    max_points: ClassVar[int] = 1


class SingleKind(Kind[SingleSpec, SingleChoice]):
    item_type = SingleChoice
    schema = SingleSpec
    template = "quizzes/kinds/single.html"

    def build(self, source: Source, loc: Loc, spec: SingleSpec) -> SingleChoice:
        return SingleChoice(
            id=spec.id,
            lesson_id=spec.lesson,
            prompt_html=source.markdown((*loc, "prompt"), spec.prompt),
            options=build_options(source, loc, spec.options, [spec.answer], "answer"),
            answer=spec.answer,
            explanation_html=source.markdown((*loc, "explanation"), spec.explanation),
        )

    def form(self, item: SingleChoice, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        options = [(o.id, o.text) for o in item.options]
        return ChoiceForm(data=data, options=options, label="Choose one answer", answer_key="option")

    def normalise(self, item: SingleChoice, step_id: str | None, answer: Answer) -> Answer:
        if set(answer) != {"option"} or answer["option"] not in {o.id for o in item.options}:
            raise InvalidAnswer("choose one answer")
        return {"option": answer["option"]}

    def grade(self, item: SingleChoice, step_id: str | None, answer: Answer) -> GradedAnswer:
        right = answer["option"] == item.answer
        return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)

    def example_answer(self, item: SingleChoice, step_id: str | None, *, right: bool) -> Answer:
        wrong = [o.id for o in item.options if o.id != item.answer]
        return {"option": item.answer if right or not wrong else wrong[0]}

    def describe(self, item: SingleChoice, step_id: str | None, answer: Answer) -> list[str]:
        return option_texts(item.options, [answer["option"]])

    def right_answer(self, item: SingleChoice) -> RightAnswer:
        return RightAnswer("The answer:", tuple(option_texts(item.options, [item.answer])))

    def tally(self, item: SingleChoice) -> list[TallyPlace]:
        options = tuple(TallyOption(o.id, o.text, o.id == item.answer) for o in item.options)
        return [TallyPlace("", item.prompt_html, options)]

    def tally_keys(self, item: SingleChoice, answer: Answer, correct: bool | None) -> list[str]:
        return [str(answer["option"])] if "option" in answer else []


KIND = SingleKind()
