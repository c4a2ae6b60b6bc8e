"""``{% account_menu %}``: the reader's own menu items, drawn once a page however often it is shown.

The header shows them twice: after the site's links on wide screens, and in the phone's Menu.
They are the only part of the header that differs between signed-in readers, so everything around
them is a cached fragment (core/templates/base.html; a visitor's, which is the same for every visitor,
is cached with the rest) and these are drawn here, in Python: each app's
``core.hooks.account_links`` (e.g. "My classes"), then "Sign out" (a POST form, with the CSRF
token) or "Sign in". The second showing repeats the first's HTML, kept in the render context,
which lasts one page render. A template for five list items cost a tenth of a lesson page
(``make bench``); this is the same markup without the template machinery.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django import template
from django.template.context import Context
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.hooks import Link

register = template.Library()

_DRAWN = "core.account_menu"


_CURRENT = mark_safe(' aria-current="page"')  # noqa: S308 - a constant: format_html would escape its quotes


def _item(link: Link, path: str) -> tuple[str, str, str]:
    return link.url, _CURRENT if link.url == path else "", link.label


@register.simple_tag(takes_context=True)
def account_menu(context: Context) -> SafeString:
    drawn: SafeString | None = context.render_context.get(_DRAWN)
    if drawn is None:
        request, user = context["request"], context.get("user")
        links: Callable[[], Iterable[Link]] = context.get("account_links") or tuple  # none before auth ran
        items = format_html_join("", '<li><a href="{}"{}>{}</a></li>', (_item(link, request.path) for link in links()))
        if user is not None and user.is_authenticated:
            last = format_html(
                '<li><form method="post" action="{}" class="d-inline">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<button type="submit" class="btn btn-link p-0 align-baseline">Sign out</button></form></li>',
                reverse("logout"),
                context.get("csrf_token"),
            )
        else:
            last = format_html(
                '<li><a href="{}"{}>{}</a></li>', *_item(Link("Sign in", reverse("login")), request.path)
            )
        drawn = context.render_context[_DRAWN] = items + last
    return drawn
