"""How a module looks: its icon, drawn inline so it takes the module's colour (docs/design.md).

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
