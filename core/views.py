"""The site's own responses: the health check, the privacy notice, the page for schools, the error pages.

Every error page but the 500 is the one template ``errors/error.html``, told
what to say; each keeps the quick exit and a way to help. Django's own loggers
already record each refusal (``django.request`` "Forbidden (Permission denied)",
``django.security.csrf`` "Forbidden (CSRF …)") with the path and no address,
so these views log nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from . import documents, hooks


@dataclass(frozen=True, slots=True)
class ErrorPage:
    title: str
    heading: str
    text: str


BAD_REQUEST = ErrorPage(
    "Something was not right",
    "We could not use that request",
    "Something in it was not right. Nothing was saved. Please go back and try again.",
)
PERMISSION_DENIED = ErrorPage(
    "Not allowed",
    "You can’t open this page",
    "This page is not available to you. If you think it should be, ask your teacher.",
)
CSRF_FAILURE = ErrorPage(
    "Please try again",
    "Please try that again",
    "The page was open for a long time, or cookies are blocked, so we could not check the form came from this "
    "site. Nothing was saved. Go back, reload the page, and try again.",
)
NOT_FOUND = ErrorPage(
    "Page not found", "We could not find that page", "The link may be old, or the address may have a typo."
)


def error_page(
    request: HttpRequest, page: ErrorPage, *, status: int, template: str = "errors/error.html"
) -> HttpResponse:
    return render(request, template, {"error": page}, status=status)


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice: docs/privacy.md itself, so the page and the document cannot drift."""
    notice = mark_safe(documents.rendered(documents.PRIVACY_DOC))  # noqa: S308 (sanitised by nh3)
    return render(request, "core/privacy.html", {"notice": notice})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    """Who Pause is for, how its facts are chosen and checked, and how to cite or adapt it."""
    return render(request, "core/about.html")


@require_safe
def schools(request: HttpRequest) -> HttpResponse:
    """For a school's data-protection lead: what is stored, where, how long, who sees it."""
    context = {"retention_days": settings.RETENTION_DAYS, "school_links": hooks.school_page_links(request)}
    return render(request, "core/schools.html", context)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, BAD_REQUEST, status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, PERMISSION_DENIED, status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(request, NOT_FOUND, status=404, template="errors/404.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(request, CSRF_FAILURE, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors or database here: whatever broke must not break the error page.
    html = loader.render_to_string("errors/500.html", {"quick_exit_url": settings.QUICK_EXIT_URL})
    return HttpResponseServerError(html)
