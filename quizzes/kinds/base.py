"""What a kind of question brings, and the pieces kinds share.

A kind is one module in this package: its item class (frozen, built once per
process), one :class:`Kind` subclass and one template partial,
``quizzes/templates/quizzes/kinds/<module>.html``. The Kind brings:

- ``schema``: the pydantic model of its YAML (an :class:`~quizzes.schemas.ItemSpec`
  with ``kind: Literal["<name>"]``);
- :meth:`Kind.build`: schema → item, reporting every problem with its file and line;
- :meth:`Kind.form`: the Django form for one of its stations;
- :meth:`Kind.normalise` and :meth:`Kind.grade`: answers, in pure Python;
- :meth:`Kind.describe` and :meth:`Kind.right_answer`: the feedback page's
  "You chose" and "The answer";
- :meth:`Kind.tally` and :meth:`Kind.tally_keys`: the places a teacher's
  per-question report counts.

Loader, grading, views, selectors and templates ask :mod:`quizzes.kinds` for
an item's kind and never test the kind themselves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from courses.errors import Code
from courses.reader import ContentReader, ParsedFile, where_of

from ..domain import Ending
from ..schemas import ItemSpec

if TYPE_CHECKING:
    from ..forms import AnswerForm

Data = Mapping[str, Any] | None  # a POST to validate, or None for a blank form
Loc = tuple[str | int, ...]  # a place in a quiz file, e.g. ("items", 2, "steps", 1, "choices", 0, "next")
Answer = dict[str, Any]  # an answer as stored: small JSON, never free text


class InvalidAnswer(ValueError):
    """The answer does not fit the question (unknown choice, wrong shape)."""


@dataclass(frozen=True, slots=True)
class GradedAnswer:
    score: int
    max_score: int  # 0 for a story's step or a reflection
    correct: bool | None  # None where nothing is marked (a story's step, a reflection)
    feedback_html: str
    next_step: str | None = None  # a further station in the same item (a story's next step)
    ending: Ending | None = None  # where the answer ended a story


@dataclass(frozen=True, slots=True)
class RightAnswer:
    """The feedback page's "The answer:" and its texts, after a wrong answer."""

    label: str
    texts: tuple[str, ...]
    ordered: bool = False  # shown as a numbered list


@dataclass(frozen=True, slots=True)
class TallyOption:
    key: str  # what tally_keys() returns for an answer that chose this
    text: str
    correct: bool | None  # None where no option is "the" answer (a story's choices)


@dataclass(frozen=True, slots=True)
class TallyPlace:
    """One question a teacher's report counts answers to (a story counts each step)."""

    step_id: str
    prompt_html: str
    options: tuple[TallyOption, ...]
    several: bool = False  # a student could choose several options


@dataclass
class Source:
    """The quiz file an item is built from: problems are reported at their lines, Markdown is rendered."""

    reader: ContentReader
    path: Path
    parsed: ParsedFile

    def problem(self, loc: Loc, message: str, code: Code) -> None:
        self.reader.error(self.path, self.parsed.line(*loc), where_of(loc), message, code)

    def duplicates(self, prefix: Loc, ids: Sequence[str], what: str) -> None:
        """Report every repeat of an id (not its first use)."""
        counts = Counter(ids)
        for index, item_id in enumerate(ids):
            if counts[item_id] > 1 and ids.index(item_id) != index:
                self.problem((*prefix, index, "id"), f"duplicate {what} id '{item_id}'", Code.DUPLICATE_ID)

    def markdown(self, loc: Loc, text: str | None) -> str:
        if not text:
            return ""
        # Text on several lines is a block scalar (`key: |`): it starts on the line after its key, so a
        # problem inside it (a broken ```chat, E034; a link off the list, E030) is reported at its own line.
        first_line = self.parsed.line(*loc) + (1 if "\n" in text.strip() else 0)
        return self.reader.render(self.path, text, first_line).html


SpecT = TypeVar("SpecT", bound=ItemSpec)
ItemT = TypeVar("ItemT")


class Kind(ABC, Generic[SpecT, ItemT]):
    """One kind of question. Subclasses set the class attributes and implement the abstract methods."""

    item_type: ClassVar[type[Any]]  # its frozen item class, whose `kind` is the YAML `kind:` value
    schema: ClassVar[type[ItemSpec]]
    template: ClassVar[str]  # the partial: the question page's station (with part="result": the result page)
    has_feedback: ClassVar[bool] = True  # False: after answering, straight on to the next question

    @property
    def name(self) -> str:
        return str(self.item_type.kind)

    @property
    def scored(self) -> bool:
        """A knowledge check: it carries the score."""
        return bool(self.item_type.scored)

    def __repr__(self) -> str:
        return f"<Kind {self.name}>"

    # --- content ---------------------------------------------------------------------------

    @abstractmethod
    def build(self, source: Source, loc: Loc, spec: SpecT) -> ItemT | None:
        """The item, or None when its problems (reported through ``source``) leave nothing to build."""

    # --- the question page -----------------------------------------------------------------

    @abstractmethod
    def form(self, item: ItemT, step_id: str | None, *, seed: str, data: Data = None) -> AnswerForm:
        """The form for a station; ``seed`` keeps any shuffled order the same for an attempt."""

    def first_step(self, item: ItemT) -> str:
        """The station an item opens at: a step id, or "" for an item that is one station."""
        return ""

    def page_context(self, item: ItemT, step_id: str | None) -> dict[str, Any]:
        """Extra names the partial needs for a station."""
        return {}

    # --- answers (pure) --------------------------------------------------------------------

    @abstractmethod
    def normalise(self, item: ItemT, step_id: str | None, answer: Answer) -> Answer:
        """The canonical form of ``answer`` (already a dict), or InvalidAnswer."""

    @abstractmethod
    def grade(self, item: ItemT, step_id: str | None, answer: Answer) -> GradedAnswer:
        """Grade a normalised answer."""

    @abstractmethod
    def example_answer(self, item: ItemT, step_id: str | None, *, right: bool) -> Answer:
        """A right (or a wrong) answer, for demo data and tests."""

    # --- feedback and reports --------------------------------------------------------------

    @abstractmethod
    def describe(self, item: ItemT, step_id: str | None, answer: Answer) -> list[str]:
        """What the learner chose, in the words the page showed ("You chose:")."""

    def right_answer(self, item: ItemT) -> RightAnswer | None:
        """What a wrong answer is shown as right, or None where nothing is."""
        return None

    def tally(self, item: ItemT) -> list[TallyPlace]:
        """The places a teacher's per-question report counts; none for a kind that is never sent."""
        return []

    def tally_keys(self, item: ItemT, answer: Answer, correct: bool | None) -> list[str]:
        """The TallyOption keys a stored answer counts towards."""
        return []
