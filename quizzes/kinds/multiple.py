"""Multiple choice: every right answer among three to eight options. Answer: ``{"options": [ids, sorted]}``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from django import forms
from pydantic import Field

from courses.schemas import Slug

from ..domain import Option
from ..forms import AnswerForm, Options, by_place, labelled
from ..schemas import ItemSpec, Markdown
from ..schemas import Option as OptionSpec
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, RightAnswer, Source, TallyOption, TallyPlace
from .options import build_options, option_texts


class MultipleSpec(ItemSpec):
    kind: Literal["multiple"]
    prompt: Markdown
    options: Annotated[list[OptionSpec], Field(min_length=3, max_length=8)]
    answers: Annotated[list[Slug], Field(min_length=1)]
    explanation: Markdown


@dataclass(frozen=True, slots=True)
class MultipleChoice:
    id: str
    lesson_id: str | None
    prompt_html: str
    options: tuple[Option, ...]
    answers: frozenset[str]
    explanation_html: str
    kind: ClassVar[str] = "multiple"
    scored: ClassVar[bool] = True
    max_points: ClassVar[int] = 1


class MultipleForm(AnswerForm):
    def __init__(self, *args: Any, options: Options, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields["choice"] = forms.MultipleChoiceField(
            label="Choose every answer that fits",
            choices=labelled(options),
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Choose at least one answer."},
        )

    def to_answer(self) -> Answer:
        return {"options": sorted(by_place(self.options, value) for value in self.cleaned_data["choice"])}


class MultipleKind(Kind[MultipleSpec, MultipleChoice]):
    item_type = MultipleChoice
    schema = MultipleSpec
    template = "quizzes/kinds/multiple.html"

    def build(self, source: Source, loc: Loc, spec: MultipleSpec) -> MultipleChoice:
        source.duplicates((*loc, "answers"), list(spec.answers), "answer")
        return MultipleChoice(
            id=spec.id,
            lesson_id=spec.lesson,
            prompt_html=source.markdown((*loc, "prompt"), spec.prompt),
            options=build_options(source, loc, spec.options, list(spec.answers), "answers"),
            answers=frozenset(spec.answers),
            explanation_html=source.markdown((*loc, "explanation"), spec.explanation),
        )

    def form(self, item: MultipleChoice, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        return MultipleForm(data=data, options=[(o.id, o.text) for o in item.options])

    def normalise(self, item: MultipleChoice, step_id: str | None, answer: Answer) -> Answer:
        chosen = answer.get("options")
        if set(answer) != {"options"} or not isinstance(chosen, list) or not chosen:
            raise InvalidAnswer("choose at least one answer")
        if not set(chosen) <= {o.id for o in item.options} or len(set(chosen)) != len(chosen):
            raise InvalidAnswer("unknown answer")
        return {"options": sorted(chosen)}

    def grade(self, item: MultipleChoice, step_id: str | None, answer: Answer) -> GradedAnswer:
        right = set(answer["options"]) == item.answers
        return GradedAnswer(score=int(right), max_score=1, correct=right, feedback_html=item.explanation_html)

    def example_answer(self, item: MultipleChoice, step_id: str | None, *, right: bool) -> Answer:
        return {"options": sorted(item.answers) if right else sorted(item.answers)[:1]}

    def describe(self, item: MultipleChoice, step_id: str | None, answer: Answer) -> list[str]:
        return option_texts(item.options, answer["options"])

    def right_answer(self, item: MultipleChoice) -> RightAnswer:
        return RightAnswer("The answer:", tuple(option_texts(item.options, item.answers)))

    def tally(self, item: MultipleChoice) -> list[TallyPlace]:
        options = tuple(TallyOption(o.id, o.text, o.id in item.answers) for o in item.options)
        return [TallyPlace("", item.prompt_html, options, several=True)]

    def tally_keys(self, item: MultipleChoice, answer: Answer, correct: bool | None) -> list[str]:
        chosen = answer.get("options")
        return [str(option) for option in chosen] if isinstance(chosen, list) else []


KIND = MultipleKind()
