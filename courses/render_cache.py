"""Rendered Markdown kept on disk, so a restart skips the Markdown work for unchanged text.

Rendering is most of the time it takes to load the course. What it produces
depends only on the text, on courses/markdown.py (extensions, allowlists, URL
rules) and on the versions of Markdown, its extensions and nh3, so an entry is
kept under a hash of the text, in a folder named by a hash of the rest: edit a
text, the module or a package and the old entries are simply never read again.

Each entry is its own small JSON file, written to a temporary name and renamed
into place, so several workers starting at once can share the folder: the
worst case is that two of them render the same text. A missing, unreadable or
malformed entry is rendered again; a folder that cannot be written to only
means nothing is kept. Problems with the text itself (links the sanitiser
drops) are part of the entry, so they are reported on every load, with their
file and line, whether the entry was rendered now or read back.

The cache holds sanitised HTML that pages print as it is: its folder must be
no more writable than the code and content themselves.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from . import markdown
from .markdown import Heading, Rendered, render_markdown

PACKAGES = ("markdown", "pymdown-extensions", "nh3")


@functools.cache
def fingerprint() -> str:
    """A hash of everything besides the text that decides the rendered output."""
    parts = [Path(markdown.__file__).read_bytes(), sys.version.encode()]
    for package in PACKAGES:
        try:
            parts.append(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(f"{package} missing".encode())
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def _encode(rendered: Rendered) -> str:
    return json.dumps(
        {
            "html": rendered.html,
            "headings": [[h.id, h.text, h.level] for h in rendered.headings],
            "rejected_urls": list(rendered.rejected_urls),
            "word_count": rendered.word_count,
        },
        ensure_ascii=False,
    )


def _decode(text: str) -> Rendered | None:
    try:
        data = json.loads(text)
        rendered = Rendered(
            html=data["html"],
            headings=tuple(Heading(id=i, text=t, level=lv) for i, t, lv in data["headings"]),
            rejected_urls=tuple(data["rejected_urls"]),
            word_count=data["word_count"],
        )
    except (ValueError, TypeError, KeyError):
        return None
    fields_ok = (
        isinstance(rendered.html, str)
        and type(rendered.word_count) is int
        and all(isinstance(url, str) for url in rendered.rejected_urls)
        and all(isinstance(h.id, str) and isinstance(h.text, str) and type(h.level) is int for h in rendered.headings)
    )
    return rendered if fields_ok else None


class RenderCache:
    """``render(text)`` as :func:`courses.markdown.render_markdown`, reading and keeping results in ``directory``."""

    def __init__(self, directory: Path | str):
        self.directory = Path(directory) / fingerprint()
        self.hits = 0
        self.misses = 0
        self._writable = True

    def _path(self, text: str) -> Path:
        return self.directory / f"{hashlib.sha256(text.encode()).hexdigest()}.json"

    def render(self, text: str) -> Rendered:
        path = self._path(text)
        try:
            cached = _decode(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            cached = None
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        rendered = render_markdown(text)
        self._keep(path, rendered)
        return rendered

    def _keep(self, path: Path, rendered: Rendered) -> None:
        if not self._writable:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write(_encode(rendered))
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            self._writable = False  # a read-only folder: render every time, quietly
