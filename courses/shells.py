"""Pages rendered once per process, with only the reader's parts filled in per request.

Most of a lesson page is the same for every reader: the layout, the lesson
text, the navigation. Rendering all of it for every request costs more than
the rest of the request together, so the page is rendered once as a *shell*
with a marker where each reader-specific part goes (sign-in state, messages,
progress and the "Mark as done" form with its CSRF token). A request renders
only those small parts and joins them into the shell.

Templates mark such places with ``{% reader_part "name" %}``. Rendered the
ordinary way (``render()``), the tag calls the part (reader_parts.py) in
place, so the same templates serve both ways.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

from .context_processors import site
from .reader_parts import PARTS

SHELL_MODE = "_pause_shell_mode"
_MARKER = "\x00reader-part:{}\x00"
_MARKER_RE = re.compile("\x00reader-part:([a-z_]+)\x00")

_lock = threading.Lock()
_shells: dict[tuple, tuple[list[str], dict]] = {}


def marker(name: str) -> str:
    return _MARKER.format(name)


def _shell(key: tuple, template_name: str, page: Callable[[], dict]) -> tuple[list[str], dict]:
    shell = _shells.get(key)
    if shell is None:
        context = page()
        html = render_to_string(template_name, {**site(None), **context, SHELL_MODE: True})
        shell = (_MARKER_RE.split(html), context)  # text, part name, text, part name, …, text
        with _lock:
            _shells[key] = shell
    return shell


def render_shell(request, template_name: str, *, key: tuple, page: Callable[[], dict], reader: dict) -> HttpResponse:
    """Render ``template_name`` from its cached shell.

    ``page()`` builds the context that is the same for every reader; it runs
    once per process and key. ``reader`` is this request's part.
    """
    segments, page_context = _shell((template_name, *key), template_name, page)
    context = {
        **page_context,
        **reader,
        "request": request,
        "user": request.user,
        # Lazy, as in Django's own context processor: only a page with a form pays for a token.
        "csrf_token": SimpleLazyObject(lambda: get_token(request)),
        "messages": get_messages(request),
    }
    html = [PARTS[segment](context) if index % 2 else segment for index, segment in enumerate(segments)]
    return HttpResponse("".join(html))


@receiver(setting_changed)
def _forget_shells(**kwargs):
    """Tests change settings (content folder, quick-exit URL) that shells were rendered with."""
    with _lock:
        _shells.clear()
