"""Django's admin can be moved or closed by PAUSE_ADMIN_URL (security review F24)."""

from __future__ import annotations

import importlib

import pytest
from django.urls import NoReverseMatch, clear_url_caches, reverse

import config.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_at(settings):
    """Read the URLconf again with PAUSE_ADMIN_URL set, as a restart with that variable would."""
    original = settings.PAUSE_ADMIN_URL

    def move(path: str) -> None:
        settings.PAUSE_ADMIN_URL = path
        importlib.reload(config.urls)
        clear_url_caches()

    yield move
    move(original)


def test_by_default_the_admin_is_at_admin(client):
    assert reverse("admin:index") == "/admin/"
    assert client.get("/admin/").status_code == 302  # to the admin's own sign-in


def test_the_admin_can_be_moved_and_is_then_not_at_admin(client, admin_at):
    admin_at("ops-7f3a9c/")
    assert reverse("admin:index") == "/ops-7f3a9c/"
    signin = client.get("/ops-7f3a9c/")
    assert signin.status_code == 302
    assert signin["Location"].startswith("/ops-7f3a9c/login/")
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404


def test_an_empty_admin_url_closes_the_admin(client, admin_at):
    admin_at("")
    with pytest.raises(NoReverseMatch):
        reverse("admin:index")
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    assert client.get("/modules/").status_code == 200  # the site itself is unchanged
