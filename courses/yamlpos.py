"""YAML that remembers where things are, and refuses duplicate keys.

PyYAML's ``safe_load`` forgets line numbers and keeps the last of two equal
keys without a word. This loader builds the same plain data, but every mapping
and list also knows the line of each key and item, so a schema error deep in
a file can be reported as ``file:line``. Duplicate keys are collected (not
raised) so that one run reports every problem in a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml


class LineDict(dict):
    """A mapping from YAML, with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}


class LineList(list):
    """A sequence from YAML, with the line of the sequence and of each item."""

    line: int = 0
    item_lines: list


@dataclass
class DuplicateKey:
    key: object
    line: int
    first_line: int


@dataclass
class YamlDocument:
    data: object
    duplicates: list[DuplicateKey] = field(default_factory=list)


# libyaml's parser when PyYAML has it (the wheels do): the pure-Python one made loading the course take seconds.
if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PositionedLoader(_Base):
    def __init__(self, stream, line_offset: int = 0):
        super().__init__(stream)
        self.line_offset = line_offset
        self.duplicates: list[DuplicateKey] = []

    def _line(self, node) -> int:
        return node.start_mark.line + 1 + self.line_offset


def _construct_mapping(loader: _PositionedLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = loader._line(node)
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, "found an unhashable key", key_node.start_mark
            ) from None
        line = loader._line(key_node)
        if key in data.key_lines:
            loader.duplicates.append(DuplicateKey(key=key, line=line, first_line=data.key_lines[key]))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_sequence(loader: _PositionedLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = loader._line(node)
    data.item_lines = [loader._line(item) for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


_PositionedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_PositionedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_positioned(text: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document. Raises ``yaml.YAMLError`` on a syntax error."""
    loader = _PositionedLoader(text, line_offset=line_offset)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return YamlDocument(data=data, duplicates=loader.duplicates)


def normalise_loc(data: object, loc: tuple) -> tuple:
    """Drop the tags pydantic adds for tagged unions (``items[0].scenario.steps``), which are not keys."""
    cleaned = []
    current = data
    for part in loc:
        if isinstance(current, LineDict) and part not in current and current.get("kind") == part:
            continue
        cleaned.append(part)
        if (
            isinstance(current, LineDict)
            and part in current
            or isinstance(current, LineList)
            and isinstance(part, int)
            and 0 <= part < len(current)
        ):
            current = current[part]
        else:
            current = None
    return tuple(cleaned)


def line_of(data: object, loc: tuple) -> int:
    """The line of the deepest place along ``loc`` that exists in ``data``."""
    line = getattr(data, "line", 0)
    current = data
    for part in loc:
        if isinstance(current, LineDict) and part in current.key_lines:
            line = current.key_lines[part]
            current = current[part]
        elif isinstance(current, LineList) and isinstance(part, int) and 0 <= part < len(current):
            line = current.item_lines[part]
            current = current[part]
        else:
            break
    return line


def yaml_error_line(error: yaml.YAMLError, *, line_offset: int = 0) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + line_offset) if mark is not None else 1 + line_offset
