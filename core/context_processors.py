from __future__ import annotations

from functools import partial

from django.conf import settings
from django.http import HttpRequest

from .hooks import account_links, page_report_links


def site(request: HttpRequest) -> dict[str, object]:
    """The quick exit's address, and the account menu's links (asked for only by a page that shows them).

    A request refused before AuthenticationMiddleware ran (a Host not in ALLOWED_HOSTS, over plain
    http) has no user: its 400 page shows no account links rather than failing with a 500.
    """
    links = partial(account_links, request) if hasattr(request, "user") else tuple
    return {
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "account_links": links,
        # Asked for only by a page that shows it (core/_report_link.html): the path, never the query.
        "page_report_links": partial(page_report_links, request.path),
    }
