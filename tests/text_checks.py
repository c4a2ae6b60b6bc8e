"""Reading what a reader reads: lesson HTML to plain text, and its reading level.

Used by the content tests and by ``scripts/readability.py``. Each block (a
paragraph, list item, heading or table cell) counts as at least one sentence,
as it does for someone reading it aloud, so a bullet list is not scored as one
endless sentence.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "blockquote", "figcaption"}


class _BlockText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.flush()
        if tag == "sup":  # footnote markers are not words
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "sup":
            self.skip = max(0, self.skip - 1)
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:…" else text + ".")


def plain_text(rendered_html: str) -> str:
    parser = _BlockText()
    parser.feed(rendered_html)
    parser.close()
    parser.flush()
    return html.unescape(" ".join(parser.blocks)).replace("↩", "")


def fk_grade(rendered_html: str) -> float:
    import textstat

    return textstat.flesch_kincaid_grade(plain_text(rendered_html))


def words(rendered_html: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9’']+", plain_text(rendered_html).lower())
