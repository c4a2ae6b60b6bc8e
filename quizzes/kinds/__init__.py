"""The kinds of question, each in one module, and the registry everything else asks.

    kinds.of(item)        the Kind of a built item
    kinds.get("single")   a Kind by its YAML name
    kinds.registered()    every Kind, in registration order
    kinds.register(kind)  add one (another app's AppConfig.ready(), or a test's fixture)

A new kind is a module here with its item class, its Kind and a template
partial ``quizzes/kinds/<module>.html``, plus its entry in ``BUILT_IN`` below;
a kind defined elsewhere only calls :func:`register`. See :mod:`.base`.
"""

from __future__ import annotations

from typing import Any

from ..schemas import QuizFileBase, quiz_file_model
from . import multiple, ordering, reflection, scenario, single, true_false
from .base import Answer, GradedAnswer, InvalidAnswer, Kind, RightAnswer, Source, TallyOption, TallyPlace

__all__ = [
    "Answer",
    "GradedAnswer",
    "InvalidAnswer",
    "Kind",
    "RightAnswer",
    "Source",
    "TallyOption",
    "TallyPlace",
    "get",
    "of",
    "quiz_file_schema",
    "register",
    "registered",
    "unregister",
]

AnyKind = Kind[Any, Any]

_kinds: dict[str, AnyKind] = {}


def register(kind: AnyKind) -> AnyKind:
    """Add a kind; its name must be new (registering the same object again does nothing)."""
    existing = _kinds.get(kind.name)
    if existing is not None and existing is not kind:
        raise ValueError(f"a quiz kind named {kind.name!r} is already registered: {existing!r}")
    _kinds[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind (for a test that registered its own)."""
    _kinds.pop(name, None)


def registered() -> tuple[AnyKind, ...]:
    return tuple(_kinds.values())


def get(name: str) -> AnyKind:
    """The kind named ``name`` in quiz.yaml; KeyError when none is registered."""
    return _kinds[name]


def of(item: Any) -> AnyKind:
    """The kind of a built item."""
    return _kinds[item.kind]


def quiz_file_schema() -> type[QuizFileBase]:
    """quiz.yaml's model, accepting exactly the registered kinds."""
    return quiz_file_model(tuple(kind.schema for kind in _kinds.values()))


BUILT_IN: tuple[AnyKind, ...] = (
    scenario.KIND,
    single.KIND,
    multiple.KIND,
    true_false.KIND,
    ordering.KIND,
    reflection.KIND,
)
for _kind in BUILT_IN:
    register(_kind)
