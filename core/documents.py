"""The privacy notice on the site is ``docs/privacy.md`` itself, rendered once per process.

One source for the repository's document and the page, so they cannot drift. The file is
reviewed like code; it is still sanitised against nh3's allowlist before it reaches a page.
"""

from __future__ import annotations

import functools
from pathlib import Path

import markdown
import nh3
from django.conf import settings

PRIVACY_DOC = "docs/privacy.md"

ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, **{f"h{n}": {"id"} for n in range(1, 7)}}


@functools.cache
def rendered(relative_path: str) -> str:
    """A Markdown file of the repository as sanitised HTML (tables and heading ids included)."""
    text = (Path(settings.BASE_DIR) / relative_path).read_text(encoding="utf-8")
    html = markdown.markdown(text, extensions=["tables", "toc", "sane_lists"], output_format="html")
    return nh3.clean(html, attributes=ATTRIBUTES, link_rel="noopener noreferrer")
