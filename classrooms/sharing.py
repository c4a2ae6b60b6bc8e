"""A class's join link, its QR code and plain share links (D20, issue 14).

The QR is drawn here, on the server, by segno as SVG markup of our own (paths with presentation
attributes, no ``style`` attribute and no script), so it is inlined under the site's CSP. Share
links are ordinary links to Google Classroom and Microsoft Teams: the page loads nothing from them;
a teacher's click opens them.
"""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode

import segno
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from core.hooks import Link

from .models import Classroom


def join_link(request: HttpRequest, classroom: Classroom) -> str:
    """The full join address with the class's code filled in: ``https://…/join/?code=ABCD-EFGH``."""
    return request.build_absolute_uri(reverse("classrooms:join")) + "?" + urlencode({"code": classroom.join_code})


@lru_cache(maxsize=256)
def qr_svg(url: str) -> SafeString:
    """An SVG QR code of exactly ``url`` (decorative beside the written link, so hidden from screen readers)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", xmldecl=False, svgns=True, svgclass="qr", lineclass=None, omitsize=True
    )
    svg = out.getvalue().decode("ascii").replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 (segno's own output: numbers and a fixed set of attributes, no input text)


def share_links(url: str) -> list[Link]:
    """Plain links that open the join link in Google Classroom's or Microsoft Teams' own share page."""
    return [
        Link("Share to Google Classroom", "https://classroom.google.com/share?" + urlencode({"url": url})),
        Link("Share to Microsoft Teams", "https://teams.microsoft.com/share?" + urlencode({"href": url})),
    ]
