from django import template
from django.utils.html import format_html

register = template.Library()

BAR_WIDTH = 240


@register.simple_tag
def count_bar(count: int, total: int, correct=None):
    """A server-drawn horizontal bar: no script, no image request, and the numbers are in the table beside it."""
    fraction = count / total if total else 0
    width = max(round(BAR_WIDTH * fraction), 2 if count else 0)
    tone = "bar-right" if correct is True else "bar-other"
    return format_html(
        '<svg class="count-bar" width="{0}" height="18" viewBox="0 0 {0} 18" aria-hidden="true" focusable="false">'
        '<rect class="bar-track" x="0" y="2" width="{0}" height="14" rx="3"></rect>'
        '<rect class="{1}" x="0" y="2" width="{2}" height="14" rx="3"></rect></svg>',
        BAR_WIDTH,
        tone,
        width,
    )


@register.filter
def percent_of(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0
