"""A branching scenario: a story told in steps, each choice with its feedback and where it leads.

A story teaches and is never scored: its result is the ending reached, what the
character could do next and, after a risky ending, the reader's help services.
Its graph is proved sound at load time (quizzes.validation). Answer: ``{"choice": "<choice id>"}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from courses.errors import Code
from courses.schemas import Slug, Strict, Text

from ..domain import Ending
from ..forms import AnswerForm, ChoiceForm
from ..schemas import ItemSpec, Markdown
from ..validation import GraphStep, check_scenario
from .base import Answer, Data, GradedAnswer, InvalidAnswer, Kind, Loc, Source, TallyOption, TallyPlace

# --- quiz.yaml ---------------------------------------------------------------------------------


class ChoiceSpec(Strict):
    id: Slug
    text: Text
    feedback: Markdown = Field(description="Why this is, or is not, a safe choice. Never blame the person pressured.")
    next: Slug = Field(description="The id of the next step, or of an ending. A story's choices carry no points.")


class StepSpec(Strict):
    id: Slug
    prompt: Markdown
    choices: Annotated[list[ChoiceSpec], Field(min_length=2, max_length=6)]


class EndingSpec(Strict):
    id: Slug
    title: Text
    outcome: Literal["safe", "risky"] = Field(
        description="After a risky ending the reader is shown their help services."
    )
    summary: Markdown = Field(description="How the story ended.")
    next_steps: Markdown = Field(description="What the character could do next.")


class ScenarioSpec(ItemSpec):
    kind: Literal["scenario"]
    title: Text
    intro: Markdown | None = None
    start: Slug
    steps: Annotated[list[StepSpec], Field(min_length=1)]
    endings: Annotated[list[EndingSpec], Field(min_length=1)]


# --- the item ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    feedback_html: str
    next: str  # a step id or an ending id


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    prompt_html: str
    choices: tuple[Choice, ...]

    def choice(self, choice_id: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.id == choice_id), None)


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    lesson_id: str | None
    title: str
    intro_html: str
    start: str
    steps: Mapping[str, Step]
    endings: Mapping[str, Ending]
    kind: ClassVar[str] = "scenario"
    scored: ClassVar[bool] = False  # a story teaches; it is not an exam
    max_points: ClassVar[int] = 0


# --- the kind ----------------------------------------------------------------------------------


class ScenarioKind(Kind[ScenarioSpec, Scenario]):
    item_type = Scenario
    schema = ScenarioSpec
    template = "quizzes/kinds/scenario.html"

    def build(self, source: Source, loc: Loc, spec: ScenarioSpec) -> Scenario | None:
        source.duplicates((*loc, "steps"), [s.id for s in spec.steps], "step")
        source.duplicates((*loc, "endings"), [e.id for e in spec.endings], "ending")
        clash = {s.id for s in spec.steps} & {e.id for e in spec.endings}
        for name in sorted(clash):
            source.problem((*loc, "endings"), f"'{name}' is both a step and an ending", Code.DUPLICATE_ID)
        for index, step in enumerate(spec.steps):
            source.duplicates((*loc, "steps", index, "choices"), [c.id for c in step.choices], "choice")
        graph = [GraphStep(s.id, tuple(c.next for c in s.choices)) for s in spec.steps]
        problems, _ = check_scenario(spec.start, graph, {e.id: e.outcome for e in spec.endings})
        for problem in problems:
            source.problem((*loc, *problem.loc), problem.message, problem.code)
        if problems or clash:
            return None
        steps = {}
        for index, step in enumerate(spec.steps):
            at = (*loc, "steps", index)
            choices = tuple(
                Choice(c.id, c.text, source.markdown((*at, "choices", i, "feedback"), c.feedback), c.next)
                for i, c in enumerate(step.choices)
            )
            steps[step.id] = Step(step.id, source.markdown((*at, "prompt"), step.prompt), choices)
        endings = {
            e.id: Ending(
                id=e.id,
                title=e.title,
                outcome=e.outcome,
                summary_html=source.markdown((*loc, "endings", i, "summary"), e.summary),
                next_steps_html=source.markdown((*loc, "endings", i, "next_steps"), e.next_steps),
            )
            for i, e in enumerate(spec.endings)
        }
        return Scenario(
            id=spec.id,
            lesson_id=spec.lesson,
            title=spec.title,
            intro_html=source.markdown((*loc, "intro"), spec.intro),
            start=spec.start,
            steps=MappingProxyType(steps),
            endings=MappingProxyType(endings),
        )

    def form(self, item: Scenario, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        options = [(c.id, c.text) for c in item.steps[step_id or item.start].choices]
        return ChoiceForm(data=data, options=options, label="What should happen next?", answer_key="choice")

    def first_step(self, item: Scenario) -> str:
        return item.start

    def page_context(self, item: Scenario, step_id: str | None) -> dict[str, Any]:
        step = item.steps[step_id or item.start]
        return {"step": step, "first_step": step.id == item.start, "station_title": item.title}

    def _step(self, item: Scenario, step_id: str | None) -> Step:
        step = item.steps.get(step_id or "")
        if step is None:
            raise InvalidAnswer("no such step")
        return step

    def normalise(self, item: Scenario, step_id: str | None, answer: Answer) -> Answer:
        if set(answer) != {"choice"} or self._step(item, step_id).choice(answer["choice"]) is None:
            raise InvalidAnswer("choose one of the choices")
        return {"choice": answer["choice"]}

    def grade(self, item: Scenario, step_id: str | None, answer: Answer) -> GradedAnswer:
        choice = self._step(item, step_id).choice(answer["choice"])
        assert choice is not None  # normalised
        ending = item.endings.get(choice.next)
        return GradedAnswer(
            score=0,
            max_score=0,
            correct=None,
            feedback_html=choice.feedback_html,
            next_step=None if ending else choice.next,
            ending=ending,
        )

    def example_answer(self, item: Scenario, step_id: str | None, *, right: bool) -> Answer:
        """A story has no right answer: its first choice, or (not ``right``) its last."""
        choices = self._step(item, step_id).choices
        return {"choice": (choices[0] if right else choices[-1]).id}

    def describe(self, item: Scenario, step_id: str | None, answer: Answer) -> list[str]:
        choice = self._step(item, step_id).choice(answer["choice"])
        return [choice.text] if choice else []

    def tally(self, item: Scenario) -> list[TallyPlace]:
        return [
            TallyPlace(step.id, step.prompt_html, tuple(TallyOption(c.id, c.text, None) for c in step.choices))
            for step in item.steps.values()
        ]

    def tally_keys(self, item: Scenario, answer: Answer, correct: bool | None) -> list[str]:
        return [str(answer["choice"])] if "choice" in answer else []


KIND = ScenarioKind()
