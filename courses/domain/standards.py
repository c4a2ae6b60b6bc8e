"""Curriculum frameworks (content/standards/) and the statements modules and lessons map to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Statement:
    framework_id: str
    code: str
    text: str  # the publisher's own wording
    url: str  # where the text was copied from (the framework's page unless the statement names its own)
    section: str | None = None
    stage: str | None = None

    @property
    def ref(self) -> str:
        """How modules and lessons point at it: ``framework:code``."""
        return f"{self.framework_id}:{self.code}"


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: str
    short_name: str
    region: str
    publisher: str
    url: str
    version: str
    as_of: str | None
    note: str | None
    statements: tuple[Statement, ...]
    licence: str | None = None


@dataclass(frozen=True, slots=True)
class Standards:
    """Every framework, and each statement by its ``framework:code`` reference."""

    frameworks: tuple[Framework, ...] = ()
    _by_ref: Mapping[str, Statement] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        refs = {s.ref: s for framework in self.frameworks for s in framework.statements}
        object.__setattr__(self, "_by_ref", refs)

    def framework(self, framework_id: str) -> Framework | None:
        return next((f for f in self.frameworks if f.id == framework_id), None)

    def statement(self, ref: str) -> Statement | None:
        return self._by_ref.get(ref)
