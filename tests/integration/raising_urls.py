"""The site's URLs plus one that fails, for checking what a 500 response carries (tests only)."""

from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("a deliberate failure for the 500 tests")


urlpatterns = [path("test-only/boom/", boom), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
