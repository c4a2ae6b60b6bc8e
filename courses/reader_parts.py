"""The few bits of a page that differ from reader to reader.

They are plain functions rather than template files because they run on every
request of the hottest page (the lesson) while the rest of the page is a
cached shell (see shells.py). ``bench/run.py`` measured a template per part at
about 0.1–0.25 ms each on this machine, which alone broke the lesson page's
budget; these take microseconds. Everything here is escaped by ``format_html``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_MESSAGE_CLASSES = {"error": "danger", "success": "success", "warning": "warning", "info": "info", "debug": "info"}


def _csrf_input(token: str) -> SafeString:
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


# Each signed-in role's own page, named in the menu. The engine knows these only as URL names.
_ROLE_HOMES = {
    "student": ("classrooms:me", "My classes"),
    "teacher": ("classrooms:teach", "Teach"),
    "school_admin": ("classrooms:teach", "Teach"),
    "parent": ("classrooms:family", "My family"),
}


def account(context) -> SafeString:
    user = context.get("user")
    if user is not None and user.is_authenticated:
        home = _ROLE_HOMES.get(getattr(user, "role", ""))
        own = format_html('<li><a href="{}">{}</a></li>', reverse(home[0]), home[1]) if home else ""
        return own + format_html(
            '<li><form method="post" action="{}" class="d-inline">{}'
            '<button type="submit" class="btn btn-link p-0 align-baseline">Sign out</button></form></li>',
            reverse("logout"),
            _csrf_input(context["csrf_token"]),
        )
    return format_html('<li><a href="{}">Sign in</a></li>', reverse("login"))


def messages(context) -> SafeString:
    items = list(context.get("messages") or ())
    if not items:
        return mark_safe("")  # noqa: S308 (empty string)  # nosec B308
    return format_html(
        '<div class="messages" role="status">{}</div>',
        format_html_join(
            "",
            '<p class="alert alert-{}">{}</p>',
            ((_MESSAGE_CLASSES.get(m.level_tag, "info"), m.message) for m in items),
        ),
    )


def progress_bar(module, progress) -> SafeString:
    plural = "" if progress.total == 1 else "s"
    return format_html(
        '<div class="module-progress"><label for="progress-{0}" class="small">{1} of {2} lesson{3} done</label>'
        '<progress id="progress-{0}" max="{2}" value="{1}">{4}%</progress></div>',
        module.id,
        str(progress.count),
        str(progress.total),
        plural,
        str(progress.percent),
    )


def lesson_progress(context) -> SafeString:
    bar = progress_bar(context["module"], context["progress"])
    if context["is_done"]:
        action = mark_safe(  # noqa: S308 (a constant)  # nosec B308
            '<p class="mt-2"><span class="badge text-bg-success">Done</span> You have finished this lesson.</p>'
        )
    else:
        action = format_html(
            '<form method="post" action="{}" class="mt-2">{}'
            '<button type="submit" class="btn btn-success">Mark as done</button></form>',
            context["done_url"],
            _csrf_input(context["csrf_token"]),
        )
    return bar + action


PARTS: dict[str, Callable[..., SafeString]] = {
    "account": account,
    "messages": messages,
    "lesson_progress": lesson_progress,
}
