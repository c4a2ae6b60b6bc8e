"""Reading one content file: bytes → UTF-8 → (front matter) → positioned YAML → schema.

Every problem becomes a :class:`ContentError` with its file and line; nothing
raises, so a loader can report every problem in every file at once. Used by
the course loader and by the quizzes app's loader.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import schemas
from .errors import Code, ContentError
from .markdown import Rendered, render_markdown
from .story_blocks import locate
from .yamlpos import LineDict, line_of, load_positioned, normalise_loc, yaml_error_line

_CODES = frozenset(Code)
FRONT_MATTER_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
EXTERNAL_LINK = re.compile(r'<a\b[^>]*\bhref="(https://[^"]+)"')


M = TypeVar("M", bound=BaseModel)


@dataclass
class ParsedFile(Generic[M]):
    """A validated file: its schema model and the positioned data, for lines."""

    model: M
    data: LineDict
    digest: str

    def line(self, *loc: str | int) -> int:
        return line_of(self.data, loc)


def where_of(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class ContentReader:
    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        # Set by the loader once publishers.yaml is read: whether a link's host may be shown to readers.
        self.link_host_allowed: Callable[[str], bool] | None = None

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def error(self, path: Path, line: int, where: str, message: str, code: Code) -> None:
        self.errors.append(ContentError(self.display(path), line, where, message, code))

    # --- files --------------------------------------------------------------------------

    def read_text(self, path: Path) -> tuple[str, str] | None:
        """The file's text and a short hash of its bytes, or None after reporting why not."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.error(path, 0, "", f"cannot read the file: {exc.strerror}", Code.MISSING_FILE)
            return None
        digest = hashlib.sha256(raw).hexdigest()[:16]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.error(path, line, "", f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be read", Code.NOT_UTF8)
            return None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            self.error(path, 1, "", "the file is empty", Code.EMPTY_FILE)
            return None
        return text, digest

    def parse(
        self, path: Path, text: str, digest: str, schema: type[M], *, line_offset: int = 0
    ) -> ParsedFile[M] | None:
        front_matter = line_offset > 0
        try:
            document = load_positioned(text, line_offset=line_offset)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.error(
                path, yaml_error_line(exc, line_offset=line_offset), "", f"YAML syntax: {problem}", Code.YAML_SYNTAX
            )
            return None
        for duplicate in document.duplicates:
            self.error(
                path,
                duplicate.line,
                str(duplicate.key),
                f"duplicate key '{duplicate.key}' (first at line {duplicate.first_line})",
                Code.DUPLICATE_KEY,
            )
        data = document.data
        if not isinstance(data, LineDict):
            if front_matter:
                self.error(path, 2, "", "front matter must be a mapping of keys to values", Code.FRONT_MATTER)
            else:
                self.error(path, 1, "", "expected a mapping of keys to values", Code.INVALID_VALUE)
            return None
        version = data.get("schema_version")
        if "schema_version" not in data:
            self.error(path, data.line, "", "missing schema_version (this Pause reads version 1)", Code.SCHEMA_VERSION)
            return None
        if type(version) is not int or version != schemas.SCHEMA_VERSION:
            self.error(
                path,
                data.key_lines["schema_version"],
                "schema_version",
                f"version {version!r} is not supported (this Pause reads version {schemas.SCHEMA_VERSION})",
                Code.SCHEMA_VERSION,
            )
            return None
        try:
            model = schema.model_validate(data)
        except ValidationError as exc:
            for problem in exc.errors(include_url=False):
                self._report_validation(path, data, problem)
            return None
        except RecursionError:
            self.error(path, data.line, "", "the data refers to itself (YAML alias loop)", Code.INVALID_VALUE)
            return None
        return ParsedFile(model=model, data=data, digest=digest)

    def _report_validation(self, path: Path, data: LineDict, problem: Any) -> None:
        loc = normalise_loc(data, tuple(problem["loc"]))
        kind = problem["type"]
        line = line_of(data, loc)
        if kind == "missing":
            self.error(path, line, where_of(loc[:-1]), f"missing required key '{loc[-1]}'", Code.MISSING_KEY)
        elif kind == "extra_forbidden":
            self.error(path, line, where_of(loc[:-1]), f"unknown key '{loc[-1]}'", Code.UNKNOWN_KEY)
        elif kind in _CODES:  # a schema validator's own code (PydanticCustomError(Code.…))
            self.error(path, line, where_of(loc), problem["msg"], Code(kind))
        else:
            value = problem.get("input")
            shown = f" (got {value!r})" if isinstance(value, (bool, int, float, str)) or value is None else ""
            self.error(path, line, where_of(loc), f"{problem['msg']}{shown}", Code.INVALID_VALUE)

    def read_yaml(self, path: Path, schema: type[M]) -> ParsedFile[M] | None:
        read = self.read_text(path)
        return self.parse(path, *read, schema) if read else None

    def read_markdown(self, path: Path, schema: type[M]) -> tuple[ParsedFile[M], str, int] | None:
        """Front matter (validated) and the Markdown body with the line it starts on."""
        read = self.read_text(path)
        if not read:
            return None
        text, digest = read
        lines = text.split("\n")
        if not FRONT_MATTER_FENCE.match(lines[0]) or lines[0].startswith("..."):
            self.error(path, 1, "", "must start with front matter between two '---' lines", Code.FRONT_MATTER)
            return None
        end = next((i for i in range(1, len(lines)) if FRONT_MATTER_FENCE.match(lines[i])), None)
        if end is None:
            self.error(path, 1, "", "front matter is not closed by a '---' line", Code.FRONT_MATTER)
            return None
        front = "\n".join(lines[1:end])
        if not front.strip():
            self.error(path, 1, "", "front matter is empty", Code.FRONT_MATTER)
            return None
        parsed = self.parse(path, front, digest, schema, line_offset=1)
        if parsed is None:
            return None
        return parsed, "\n".join(lines[end + 1 :]), end + 2

    def render(self, path: Path, body: str, body_line: int, *, checks: bool = False) -> Rendered:
        """``checks``: a lesson's text, where ```check blocks are allowed."""
        rendered = render_markdown(body, checks=checks)
        lines = body.split("\n")
        for url in rendered.rejected_urls:
            offset = next((i for i, text in enumerate(lines) if url in text), 0)
            self.error(
                path,
                body_line + offset,
                "",
                f"link or image '{url}' is not allowed (links: https, mailto or a site path; images: /static/ only)",
                Code.UNSAFE_MARKDOWN,
            )
        for problem in rendered.block_errors:
            self.error(path, body_line + locate(lines, problem), "", problem.message, problem.code)
        if self.link_host_allowed is not None:
            for url in dict.fromkeys(EXTERNAL_LINK.findall(rendered.html)):
                url = html.unescape(url)
                if not self.link_host_allowed(url):
                    offset = next((i for i, text in enumerate(lines) if url in text), 0)
                    self.error(
                        path,
                        body_line + offset,
                        "",
                        f"link to '{url}': its host is not an accepted publisher (publishers.yaml)",
                        Code.SOURCE_NOT_ACCEPTED,
                    )
        return rendered
