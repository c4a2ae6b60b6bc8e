"""The site's URLs plus a few that fail on purpose, for checking error responses (tests only)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500
from config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("a deliberate failure for the 500 tests")


def forbidden(request):
    raise PermissionDenied("a deliberate refusal for the 403 tests")


def suspicious(request):
    raise SuspiciousOperation("a deliberate bad request for the 400 tests")


urlpatterns = [
    path("test-only/boom/", boom),
    path("test-only/forbidden/", forbidden),
    path("test-only/bad/", suspicious),
    *site_urlpatterns,
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
