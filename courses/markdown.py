"""Markdown to sanitised HTML: the one place course text becomes markup.

Content is reviewed like code, but it is still sanitised against an allowlist:
a slip in a pull request must never put a script, a style, an event handler,
a frame or a third-party request on a page read by children. Rendering happens
once, at load; no request renders Markdown.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any

import markdown
import nh3

from .domain.base import Heading
from .domain.practice import PracticeCheck
from .practice import format_check
from .story_blocks import CUSTOM_FENCES, BlockError

EXTENSIONS = [
    "toc",
    "tables",
    "admonition",
    "footnotes",
    "attr_list",
    "sane_lists",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tilde",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    # Lessons start at h2: the page supplies the h1.
    "toc": {"toc_depth": "2-3"},
    "footnotes": {"BACKLINK_TITLE": "Back to the text"},
    # ```chat and ```notification blocks (courses/story_blocks.py): built from tags allowed below.
    # ```check: a practice check in a lesson (courses/practice.py), a slot the lesson page fills.
    "pymdownx.superfences": {
        "custom_fences": [*CUSTOM_FENCES, {"name": "check", "class": "check", "format": format_check}]
    },
}

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "role"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "span": {"aria-hidden"},  # a chat's unnamed sender: shown as written, announced in words (story_blocks.py)
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
}
ALLOWED_SCHEMES = {"https", "mailto"}
# Tags removed with everything inside them, so no script text is left on the page.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_allowed_url(url: str, *, for_image: bool = False) -> bool:
    """https, mailto and paths on this site; images only from this site's static files.

    A control character anywhere (a tab or newline, written as ``&#9;``/``&#10;`` or literally)
    refuses the URL: browsers drop tabs and newlines, so ``/<tab>/evil.example`` would leave the site.
    """
    url = url.strip()
    if any(unicodedata.category(char) == "Cc" for char in url):
        return False
    if for_image:
        return url.startswith("/static/") and not url.startswith("//")
    if url.startswith(("//", "\\", "/\\")):
        return False
    scheme = _SCHEME.match(url)
    if scheme:
        return scheme.group(1).lower() in ALLOWED_SCHEMES
    return url.startswith(("/", "#")) or ":" not in url.split("/", 1)[0]


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not is_allowed_url(value):
        return None
    if attribute == "src" and not is_allowed_url(value, for_image=True):
        return None
    return value


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]
    rejected_urls: tuple[str, ...]  # links or images the sanitiser removed, for the author to fix
    word_count: int
    block_errors: tuple[BlockError, ...] = ()  # broken ```chat, ```notification or ```check blocks
    checks: tuple[PracticeCheck, ...] = ()  # a lesson's practice checks, in order


_URL_ATTRIBUTE = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _rejected_urls(raw_html: str) -> list[str]:
    # A regex, not an HTML parser: loading the whole course renders hundreds of texts,
    # and this only has to find what the sanitiser will drop so the author can be told.
    rejected = []
    for name, *values in _URL_ATTRIBUTE.findall(raw_html):
        url = html.unescape(next((v for v in values if v), ""))
        if not is_allowed_url(url, for_image=name.lower() == "src"):
            rejected.append(url)
    return rejected


def _flatten(tokens: list[dict]) -> list[Heading]:
    headings = []
    for token in tokens:
        headings.append(Heading(id=token["id"], text=token["name"], level=token["level"]))
        headings.extend(_flatten(token.get("children", [])))
    return headings


_local = threading.local()


def _converter() -> markdown.Markdown:
    # Building a Markdown instance loads every extension; the course has thousands
    # of small texts (quiz feedback), so one instance per thread is reset and reused.
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(
            extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html"
        )
    return md.reset()


def render_markdown(text: str, *, checks: bool = False) -> Rendered:
    """``checks``: the text is a lesson's, so ```check blocks are allowed (elsewhere they are errors)."""
    md = _converter()
    errors: list[BlockError] = []
    found: list[PracticeCheck] | None = [] if checks else None
    md.story_block_errors = errors  # type: ignore[attr-defined]
    md.practice_checks = found  # type: ignore[attr-defined]
    raw_html = md.convert(text)
    words = len(re.findall(r"\b\w[\w'’-]*\b", html.unescape(_TAG.sub(" ", raw_html))))
    return Rendered(
        html=sanitize(raw_html),
        headings=tuple(_flatten(getattr(md, "toc_tokens", []))),
        rejected_urls=tuple(_rejected_urls(raw_html)),
        word_count=words,
        block_errors=tuple(errors),
        checks=tuple(found or ()),
    )
