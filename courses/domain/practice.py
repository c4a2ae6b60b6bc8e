"""Practice checks inside a lesson: a question answered in place with feedback, never stored or scored."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckOption:
    id: str
    text: str
    feedback: str  # plain text, escaped by the template
    right: bool


@dataclass(frozen=True, slots=True)
class PracticeCheck:
    id: str
    kind: str  # "single" | "true-false"
    prompt: str  # the question (or the statement): the fieldset's legend
    options: tuple[CheckOption, ...]

    @property
    def anchor(self) -> str:
        """The form's id in the page, and the fragment the no-JavaScript answer returns to."""
        return f"check-{self.id}"

    def option(self, option_id: str | None) -> CheckOption | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True, slots=True)
class LessonPart:
    """A run of the lesson's HTML, then the check that follows it (None after the last run)."""

    html: str
    check: PracticeCheck | None = None
