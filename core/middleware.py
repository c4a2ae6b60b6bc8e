"""Middleware for computers that a whole class shares.

A pupil who walks away from a signed-in browser should not leave their account
open to the next pupil: the session ends after two idle hours and, however busy,
ten hours after signing in; and nothing a signed-in reader saw stays in the
browser's cache for the back button to show.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control

from .sessions import SHOWN_ONCE, SIGNED_IN_AT, TOUCHED_AT, shown_once_stale
from .views import healthz, page_not_found, server_error

logger = logging.getLogger(__name__)


class HealthCheckMiddleware:
    """``/healthz`` for a load balancer, which asks over plain http and by the app server's IP.

    First in MIDDLEWARE: before SecurityMiddleware (its redirect to https) and before anything
    that checks the Host against ALLOWED_HOSTS. Exactly this path; every other request, and
    ``/healthz`` itself further down in the URLconf, is checked as usual.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)


class SessionTimeoutMiddleware:
    """An absolute cap on a signed-in session, and a sliding idle window for every session.

    The idle window is the session's own expiry (SESSION_COOKIE_AGE), which Django
    renews whenever the session is saved. Saving on every request
    (SESSION_SAVE_EVERY_REQUEST) would make every page view a write, so a session
    in use is re-saved at most every SESSION_TOUCH_INTERVAL seconds instead.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = int(time.time())
        session = request.session
        if request.user.is_authenticated:
            signed_in_at = session.get(SIGNED_IN_AT)
            if not isinstance(signed_in_at, int):
                # A session from before this middleware, or a sign-in that sent no signal: count from now.
                session[SIGNED_IN_AT] = now
            elif now - signed_in_at > settings.SESSION_ABSOLUTE_AGE:
                logger.info("session of user %s ended: signed in more than SESSION_ABSOLUTE_AGE ago", request.user.pk)
                logout(request)  # flushes the session: a new, empty, anonymous one
        if SHOWN_ONCE in session and shown_once_stale(session[SHOWN_ONCE], now):
            del session[SHOWN_ONCE]  # plain-text passphrases never outlive their few minutes (F20)
        response = self.get_response(request)
        if session.modified:
            if not session.is_empty():  # it is being saved anyway: note when, for free
                session[TOUCHED_AT] = now
        elif session.session_key is not None:
            touched_at = session.get(TOUCHED_AT)
            # Reading it loads the session: a key that named no stored session is dropped then.
            stale = not isinstance(touched_at, int) or now - touched_at >= settings.SESSION_TOUCH_INTERVAL
            if session.session_key is not None and stale:
                session[TOUCHED_AT] = now
        return response


class PrivatePagesMiddleware:
    """`Cache-Control: no-store, private` on every response to a signed-in reader.

    Without it the back button, or the next pupil at the same computer, can show
    a page from the cache after its owner signed out. Pages for visitors carry
    nothing personal beyond what the visitor's own session shows, and stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class FriendlyErrorsMiddleware:
    """With DEBUG and PAUSE_FRIENDLY_ERRORS on (the ``make run`` demo), the site's own 404 and 500 pages.

    Django shows its debug pages whenever DEBUG is on; this answers first, with the same views as
    production (``handler404``, ``handler500``). Off (the default) or without DEBUG it does nothing.
    A crash is still logged, with its traceback, as Django would log it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @staticmethod
    def active() -> bool:
        return bool(settings.DEBUG and settings.PAUSE_FRIENDLY_ERRORS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.active():
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as missing:
                if not self._would_redirect(request):
                    return page_not_found(request, missing)
        return self.get_response(request)

    @staticmethod
    def _would_redirect(request: HttpRequest) -> bool:
        """CommonMiddleware's APPEND_SLASH redirect (/modules → /modules/) still happens."""
        path = request.path_info
        if not settings.APPEND_SLASH or path.endswith("/"):
            return False
        try:
            resolve(path + "/", getattr(request, "urlconf", None))
        except Resolver404:
            return False
        return True

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not self.active():
            return None
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, PermissionDenied | SuspiciousOperation):
            return None  # Django already answers these with the site's 403 and 400 pages
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return server_error(request)
