"""How a module looks: its icon, drawn inline so it takes the module's colour (docs/design.md),
and a reader's progress through it.

``{% module_icon module %}`` puts static/img/modules/<icon>.svg into the page as an inline
``<svg>``: the icon's strokes are ``currentColor``, so the module's colour (``.tone-<colour>``
in pause.css) and dark mode reach it, which an ``<img>`` could not. The icon is decoration beside
the module's name, so it is hidden from screen readers. Each file is read once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.template.defaultfilters import pluralize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@lru_cache(maxsize=64)
def _icon_svg(static_path: str) -> str:
    found = finders.find(static_path)
    if not found:  # the content check (content.E011) refuses a module whose icon is missing
        return ""
    svg = Path(str(found)).read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="module-icon" aria-hidden="true" focusable="false" ', 1)


@register.simple_tag
def module_icon(module) -> SafeString:
    """The module's icon as inline SVG (our own static file, never content text)."""
    return mark_safe(_icon_svg(module.icon_path))  # noqa: S308 - a file from static/img/modules/


@register.simple_tag
def progress_bar(module, progress) -> SafeString:
    """ "2 of 5 lessons done" over a ``<progress>`` bar: catalogue cards, a module's page, a lesson.

    A tag rather than an include: it is the only part of a lesson page drawn for each reader
    besides the menu and the form, and an include cost a tenth of that page (``make bench``).
    """
    return format_html(
        '<div class="module-progress"><label for="progress-{0}" class="small">{1} of {2} lesson{3} done</label>'
        '<progress id="progress-{0}" max="{2}" value="{1}">{4}%</progress></div>',
        module.id,
        progress.count,
        progress.total,
        pluralize(progress.total),
        progress.percent,
    )
