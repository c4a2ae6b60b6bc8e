"""The fragment cache: every reader gets exactly the page an uncached render gives them.

The lesson text and what surrounds it (courses/lesson.html), and the site's assets, nav
and footer (core/templates/base.html) are `{% cache %}` fragments kept once per process,
whoever asked first. Nothing inside may depend on the reader: this renders each page with
and without the cache, the cache filled by other readers first.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core.hooks import Link, account_links

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

User = get_user_model()
LESSONS = ["first-lesson", "second-lesson"]  # the second shows the reader's law card and is the module's last
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _own_link(request):
    """A menu link that differs for every reader, so a page frozen for one reader would show."""
    user = request.user
    return [Link(f"Reader {user.pk}", f"/reader/{user.pk}/")] if user.is_authenticated else []


@pytest.fixture
def readers():
    """A client for a visitor and for each role, some with a region, a lesson done or a message waiting."""
    account_links.register(_own_link)
    clients = {"visitor": Client(), "visitor with a region": Client()}
    # Following the redirect shows (and so clears) the "We'll remember" message, as a browser would.
    clients["visitor with a region"].post("/region/", {"region": "testland", "next": "/law/"}, follow=True)
    for role in ["", *User.Role.values]:
        client = Client()
        client.force_login(User.objects.create_user(f"reader-{role or 'staff'}", role=role))
        clients[role or "staff"] = client
    clients["student"].post(reverse("courses:lesson-done", args=["alpha", "first-lesson"]))  # a message waits
    clients["teacher"].post("/region/", {"region": "testland", "next": "/law/"}, follow=True)
    yield clients
    account_links.unregister(_own_link)


def _page(client, lesson):
    response = client.get(reverse("courses:lesson", args=["alpha", lesson]))
    assert response.status_code == 200
    return CSRF.sub('name="csrfmiddlewaretoken" value="…"', response.content.decode())


def _without_fragment_cache(settings):
    settings.CACHES = {**settings.CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("first", ["visitor", "visitor with a region", "teacher"])
def test_the_cached_page_equals_the_uncached_page_for_every_reader(settings, readers, lesson, first):
    saved = settings.CACHES
    _without_fragment_cache(settings)
    uncached = {name: _page(client, lesson) for name, client in readers.items()}
    # The message is shown once; show it again for the cached round.
    readers["student"].post(reverse("courses:lesson-done", args=["alpha", "first-lesson"]))
    settings.CACHES = saved
    caches["fragments"].clear()

    _page(readers[first], lesson)  # fills the cache
    assert caches["fragments"]._cache, "the lesson page cached nothing"  # type: ignore[attr-defined]  # LocMemCache
    for name, client in readers.items():
        assert _page(client, lesson) == uncached[name], f"{name} after {first} filled the cache"


def test_readers_see_their_own_state_around_the_cached_text(readers):
    caches["fragments"].clear()
    pages = {name: _page(client, "first-lesson") for name, client in readers.items()}
    assert "“The first lesson” is marked as done." in pages["student"]
    assert "You have finished this lesson." in pages["student"]
    assert "Mark as done" in pages["visitor"]
    assert "Sign in" in pages["visitor"]
    assert "Reader" not in pages["visitor"]
    teacher = User.objects.get(username="reader-teacher")
    assert f"Reader {teacher.pk}" in pages["teacher"]
    assert "Sign out" in pages["teacher"]


PAGES = ["/", "/progress/", "/accounts/login/", "/law/", "/modules/alpha/first-lesson/"]


@pytest.mark.parametrize("first", ["visitor", "student", "teacher"])
def test_a_visitors_cached_header_is_the_same_as_drawn_and_never_a_signed_in_readers(settings, readers, first):
    """A visitor's whole header is cached, per kind of page; a signed-in reader's menu is drawn each time."""

    def headers():
        return {
            (name, path): CSRF.sub("…", client.get(path).content.decode().split("<main", 1)[0])
            for name, client in readers.items()
            for path in PAGES
        }

    saved = settings.CACHES
    _without_fragment_cache(settings)
    uncached = headers()
    settings.CACHES = saved
    caches["fragments"].clear()
    for path in PAGES:
        readers[first].get(path)  # fills the cache for every page
    assert headers() == uncached
    visitor_progress = uncached[("visitor", "/progress/")]
    assert '<a href="/progress/" aria-current="page">My progress</a>' in visitor_progress
    assert '<a href="/progress/">My progress</a>' in uncached[("visitor", "/")]
    assert 'href="/accounts/login/" aria-current="page">Sign in' in uncached[("visitor", "/accounts/login/")]
    assert "Sign out" not in visitor_progress
    assert "Sign out" in uncached[("student", "/progress/")]
