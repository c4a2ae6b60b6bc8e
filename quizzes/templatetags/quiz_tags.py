"""Template filters for quiz pages."""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ONE_PARAGRAPH = re.compile(r"\A\s*<p>(?P<inner>(?:(?!<p[ >]).)*?)</p>\s*\Z", re.DOTALL)


@register.filter
def as_heading(html: str) -> SafeString:
    """A question's rendered Markdown, made fit to sit inside its page's <h1> (phrasing content only):
    one paragraph loses its <p>; several become lines of their own."""
    match = _ONE_PARAGRAPH.match(html)
    if match:
        return mark_safe(match["inner"])  # noqa: S308 (the course's own rendered Markdown)
    lines = re.sub(r"<p>", '<span class="d-block">', html).replace("</p>", "</span>")
    return mark_safe(lines)  # noqa: S308 (the course's own rendered Markdown)
