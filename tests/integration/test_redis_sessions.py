"""Sessions in Redis are JSON, so a pickle planted in Redis runs nothing (security review F4).

The review stored ``pickle.dumps(Proof())`` (whose ``__reduce__`` creates a file) under a
session's cache key and sent that session's cookie: the file appeared and the page was a 500.
Here the same, against a real Redis (PAUSE_TEST_REDIS_URL) with production's cache settings.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import uuid
from pathlib import Path
from unittest import mock

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import Client

from tools.servers import probe_redis, redis_test_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


class Proof:
    """Unpickling this creates the file named in ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))


def production_caches(redis_url: str) -> tuple[dict, str]:
    """CACHES and SESSION_ENGINE as config/settings.py makes them with REDIS_URL set."""
    env = {"DJANGO_DEBUG": "true", "REDIS_URL": redis_url}
    with mock.patch.dict(os.environ, env):
        os.environ.pop("DATABASE_URL", None)
        spec = importlib.util.spec_from_file_location(
            "_pause_redis_settings", django_settings.BASE_DIR / "config" / "settings.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.CACHES, module.SESSION_ENGINE


@pytest.fixture
def redis_sessions(settings):
    url = redis_test_url()
    reason = probe_redis(url)
    if reason:
        pytest.skip(reason)
    configured, engine = production_caches(url)
    assert configured["default"]["OPTIONS"]["serializer"] == "core.cache.JSONSerializer"
    prefix = f"pause-test-{uuid.uuid4().hex[:8]}"  # a prefix of its own: nothing else's keys are touched
    settings.CACHES = {**configured, "default": {**configured["default"], "KEY_PREFIX": prefix}}
    settings.SESSION_ENGINE = engine
    server = redis.Redis.from_url(url)
    yield server, prefix
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def test_a_pickle_planted_under_a_session_key_is_not_run_and_is_no_session(redis_sessions, tmp_path):
    server, prefix = redis_sessions
    proof = tmp_path / "pwned"
    session_key = "a" * 32
    server.set(f"{prefix}:1:django.contrib.sessions.cache{session_key}", pickle.dumps(Proof(proof)))
    browser = Client(raise_request_exception=False)
    browser.cookies[django_settings.SESSION_COOKIE_NAME] = session_key
    response = browser.get("/me/")
    assert not proof.exists()
    assert response.status_code == 302  # no session: off to sign in, as any visitor
    assert "/accounts/login/" in response["Location"]
    assert browser.get("/modules/").status_code == 200


def test_a_real_session_in_redis_still_signs_in_and_is_stored_as_json(redis_sessions, django_user_model):
    server, prefix = redis_sessions
    django_user_model.objects.create_user("pupil", password="a-long-passphrase-1")
    browser = Client()
    assert browser.post("/accounts/login/", {"username": "pupil", "password": "a-long-passphrase-1"}).status_code == 302
    assert b"Sign out" in browser.get("/progress/").content
    [key] = list(server.scan_iter(f"{prefix}:1:django.contrib.sessions.cache*"))
    assert server.get(key).startswith(b"{")  # JSON, not a pickle (which starts with b"\x80")
    counters = caches["default"]
    counters.set("counter", 1)
    assert counters.incr("counter") == 2  # integers pass through, so Redis can INCR them
    assert counters.get("counter") == 2
