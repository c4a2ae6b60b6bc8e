from django import template
from django.utils.safestring import mark_safe

from courses import reader_parts
from courses.shells import SHELL_MODE, marker

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_part(context, name):
    """A place whose content depends on the reader: see courses/shells.py."""
    if context.get(SHELL_MODE):
        return mark_safe(marker(name))  # noqa: S308 (a fixed marker, no user input)  # nosec
    return reader_parts.PARTS[name](context)


@register.simple_tag
def progress_bar(module, progress):
    """The one progress bar markup (reader_parts.progress_bar), for pages rendered the ordinary way."""
    return reader_parts.progress_bar(module, progress)
