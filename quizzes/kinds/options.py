"""Answer options as knowledge checks use them, and the rule that copying an image is never right."""

from __future__ import annotations

from collections.abc import Sequence

from courses.copying import looks_like_copying
from courses.errors import Code

from .. import schemas
from ..domain import Option
from .base import Loc, Source


def build_options(
    source: Source, loc: Loc, options: Sequence[schemas.Option], answers: Sequence[str], key: str
) -> tuple[Option, ...]:
    """The item's options; reports unknown answers, repeated ids and answers that copy an image.

    ``key`` is where the answers are written: "answer" (one) or "answers" (a list).
    """
    ids = [option.id for option in options]
    source.duplicates((*loc, "options"), ids, "option")
    for answer_index, answer in enumerate(answers):
        if answer not in ids:
            where = (*loc, key, answer_index) if key == "answers" else (*loc, key)
            source.problem(where, f"answer '{answer}' is not among the options", Code.ANSWER_NOT_AN_OPTION)
    for index, option in enumerate(options):
        place = (*loc, "options", index)
        if option.copies_image and option.id in answers:
            source.problem(
                (*place, "copies_image"),
                f"option '{option.id}' copies, saves, forwards or shows an image, so it can never be a right answer",
                Code.COPYING_MARKED_RIGHT,
            )
        if option.copies_image is None and looks_like_copying(option.text):
            source.problem(
                (*place, "text"),
                f"option '{option.id}' seems to save, screenshot, forward or show an image: "
                "say copies_image: true (it then scores 0) or copies_image: false",
                Code.COPYING_UNDECLARED,
            )
    return tuple(Option(option.id, option.text, bool(option.copies_image)) for option in options)


def option_texts(options: Sequence[Option], ids: Sequence[str] | frozenset[str]) -> list[str]:
    """The texts of the options with these ids, in the page's order."""
    return [option.text for option in options if option.id in ids]
