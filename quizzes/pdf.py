"""Module packs as PDF files: made on the server with headless Chromium, once per content version.

A pack's PDF is kept as ``PAUSE_PACK_DIR/<module>-<version>.pdf``; the version changes with the
module, its quiz, the pack's templates and stylesheets, so a new content version gets a new file
and an old one is removed when its successor is built. ``manage.py build_packs`` makes them all
at deploy; a request for one that is missing makes it then. A file lock per pack means that
thirty first requests at once build it once: the others wait, then serve the same file.

The PDF has no links: on paper they lead nowhere, and a PDF must not point at another host.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template, render_to_string

from .packs import Pack

logger = logging.getLogger(__name__)

BUILD_SECONDS = 120
_STYLESHEETS = ("vendor/bootstrap/bootstrap.min.css", "css/pause.css")
_LINK_OPEN = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_TEMPLATES = ("quizzes/pack_print.html", "quizzes/_pack.html", "courses/_content_note.html")


class PackUnavailable(Exception):
    """The PDF could not be made here; the message says why, in words a teacher may read."""


@lru_cache(maxsize=1)
def _layout() -> str:
    """A hash of what the PDF's look comes from (its templates and stylesheets): a change makes new PDFs."""
    digest = hashlib.sha256()
    for name in _TEMPLATES:
        digest.update(Path(get_template(name).origin.name).read_bytes())  # type: ignore[attr-defined]
    for name in _STYLESHEETS:
        found = finders.find(name)
        digest.update(Path(found).read_bytes() if isinstance(found, str) else name.encode())
    return digest.hexdigest()


def pack_pdf_file(pack: Pack) -> Path:
    """Where this version of the pack's PDF lives (whether or not it has been built)."""
    version = hashlib.sha256(f"{pack.key}:{_layout()}".encode()).hexdigest()[:16]
    return Path(settings.PAUSE_PACK_DIR) / f"{pack.stem}-{version}.pdf"


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def chromium() -> str | None:
    """The Chromium to print with: PAUSE_CHROMIUM, else the first one on PATH."""
    if settings.PAUSE_CHROMIUM:
        return settings.PAUSE_CHROMIUM if Path(settings.PAUSE_CHROMIUM).exists() else None
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def pack_html_for_print(pack: Pack) -> str:
    """The pack as one standalone HTML document for Chromium: local stylesheets, no links."""
    stylesheets = [Path(found).as_uri() for name in _STYLESHEETS if isinstance(found := finders.find(name), str)]
    html = render_to_string("quizzes/pack_print.html", {"pack": pack, "stylesheets": stylesheets})
    return _LINK_CLOSE.sub("</span>", _LINK_OPEN.sub('<span class="was-link">', html))


def _print(html: str, target: Path) -> None:
    browser = chromium()
    if browser is None:
        raise PackUnavailable("Chromium is not installed on this server, so it cannot make PDFs.")
    with tempfile.TemporaryDirectory(prefix="pause-pack-") as tmp:
        page = Path(tmp) / "pack.html"
        page.write_text(html, encoding="utf-8")
        output = Path(tmp) / "pack.pdf"
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--no-pdf-header-footer",
            "--print-to-pdf-no-header", f"--user-data-dir={tmp}/profile", f"--print-to-pdf={output}", page.as_uri(),
        ]  # fmt: skip
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=BUILD_SECONDS)  # noqa: S603 (our args)
        except (OSError, subprocess.SubprocessError) as error:
            logger.error("pack PDF: chromium failed: %s", type(error).__name__)
            raise PackUnavailable("Chromium could not make the PDF on this server.") from error
        if not _is_pdf(output):
            logger.error("pack PDF: chromium made no PDF")
            raise PackUnavailable("Chromium could not make the PDF on this server.")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".pdf.partial")
        shutil.copyfile(output, partial)
        os.replace(partial, target)  # readers see the whole file or none


@contextmanager
def _locked(pack: Pack) -> Iterator[None]:
    lock = pack_pdf_file(pack).with_suffix(".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_older(pack: Pack) -> None:
    keep = pack_pdf_file(pack)
    for old in keep.parent.glob(f"{pack.stem}-*"):
        if old != keep and old.with_suffix(".pdf") != keep and old.name.rsplit("-", 1)[0] == pack.stem:
            old.unlink(missing_ok=True)


def pack_pdf_build(*, pack: Pack, force: bool = False) -> tuple[Path, bool]:
    """The pack's PDF, made now unless it already is (or ``force``); returns (path, whether it was made).

    Raises PackUnavailable when it cannot be made here. Holds the pack's lock while it builds, so a
    build that another request or process is already doing is waited for, not repeated.
    """
    target = pack_pdf_file(pack)
    if not force and _is_pdf(target):
        return target, False
    with _locked(pack):
        if not force and _is_pdf(target):  # made while we waited
            return target, False
        _print(pack_html_for_print(pack), target)
        _remove_older(pack)
        logger.info("pack PDF built for module %s (%s)", pack.module.id, pack.key)
    return target, True


def pack_pdf_open(*, pack: Pack) -> BinaryIO:
    """The pack's PDF, open for reading; made first if need be (see :func:`pack_pdf_build`).

    A file removed between being found and being opened (someone cleared the folder) is made
    again, once, rather than failing the request.
    """
    for _attempt in range(2):
        path, _ = pack_pdf_build(pack=pack)
        try:
            return path.open("rb")
        except FileNotFoundError:
            logger.warning("pack PDF for module %s went before it could be read; making it again", pack.module.id)
    raise PackUnavailable("The PDF was removed while it was being sent.")
