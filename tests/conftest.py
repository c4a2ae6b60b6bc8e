"""Fixtures and markers for the whole suite.

Markers added here (see pyproject.toml for the list):

- ``soak``: never run unless a ``-m`` expression names it (``-m soak``).
- ``db``: the test uses the database, the cache or sessions (a ``django_db`` mark, or a
  fixture that reaches them: ``db``, ``client``, ``live_server``…). The PostgreSQL + Redis
  pass runs only these (``-m "db and not browser and not gunicorn"``); everything else
  behaves the same on any database and runs once, in the SQLite pass.

Redis: a test run never uses Redis db 0, the developer's own. Under pytest-xdist each
worker gets a Redis database of its own (the configured one minus the worker's number), so
one worker's ``cache.clear()`` never empties another's.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
from django.conf import LazySettings
from pytest_django.fixtures import Settings as SettingsWrapper

from courses import registry
from tools.servers import collect_static

if TYPE_CHECKING:
    from courses.domain import Course
    from tests.mail_server import Inbox

FIXTURES = Path(__file__).parent / "fixtures" / "content"
VALID_CONTENT = FIXTURES / "valid"
INVALID_CONTENT = FIXTURES / "invalid"

# Fixtures that reach the database, the cache or sessions: a test using one is marked `db`.
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "django_db_setup",
        "django_user_model",
        "admin_user",
        "client",
        "admin_client",
        "async_client",
        "live_server",
    }
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & DB_FIXTURES:
            item.add_marker(pytest.mark.db)
    # Soak tests run only when a -m expression names them (`-m soak`, as `make soak` does).
    if "soak" not in (config.getoption("markexpr", "") or ""):
        soak = [item for item in items if item.get_closest_marker("soak")]
        if soak:
            config.hook.pytest_deselected(items=soak)
            items[:] = [item for item in items if not item.get_closest_marker("soak")]


def _redis_database(url: str) -> int:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if "db" in query:
        return int(query["db"][0])
    return int(parts.path.strip("/") or 0)


def _with_redis_database(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = "&".join(f"{k}={v}" for k, values in parse_qs(parts.query).items() if k != "db" for v in values)
    return urlunsplit((parts.scheme, parts.netloc, f"/{number}", query, parts.fragment))


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    _own_redis_database(settings)


def _own_redis_database(settings: LazySettings) -> None:
    """Refuse Redis db 0; give each xdist worker its own database (before any cache is opened)."""
    for alias, configured in settings.CACHES.items():
        cache = cast(dict[str, Any], configured)
        if not cache["BACKEND"].endswith("RedisCache"):
            continue
        number = _redis_database(cache["LOCATION"])
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
        number -= int(worker.removeprefix("gw") or 0)
        if number <= 0:
            raise pytest.UsageError(
                f"CACHES[{alias!r}] is Redis database {_redis_database(cache['LOCATION'])}: tests clear the cache, so "
                "they need a database of their own, never db 0 (and one per xdist worker below it). "
                "Set REDIS_URL to e.g. redis://127.0.0.1:6379/15, as `make test` does."
            )
        cache["LOCATION"] = _with_redis_database(cache["LOCATION"], number)


@pytest.fixture
def valid_content(tmp_path: Path) -> Path:
    """A writable copy of the small valid course."""
    target = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, target)
    return target


@pytest.fixture
def fixture_course(settings: SettingsWrapper) -> Iterator[Course]:
    """Serve the small valid course instead of content/."""
    settings.PAUSE_CONTENT_DIR = VALID_CONTENT
    yield registry.get_course()
    registry.reset()


@pytest.fixture(autouse=True)
def _packs_in_tmp(settings: SettingsWrapper, tmp_path: Path) -> None:
    """Module pack PDFs go to this test's own folder, made by a fast stand-in for Chromium."""
    settings.PAUSE_PACK_DIR = tmp_path / "packs"
    settings.PAUSE_CHROMIUM = str(Path(__file__).parent / "fake_chromium.py")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: SettingsWrapper) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "tests.fast_hashers.FastStudentPassphraseHasher",
    ]


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`collectstatic` as production runs it (compressed files, hashed names), once per test run.

    Under pytest-xdist the workers share one copy: the first to ask collects it, the others
    wait on a file lock and reuse it.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, shared by its workers
    target, done = root / "collected-static", root / "collected-static.done"
    with (root / "collected-static.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            collect_static(target)
            done.touch()
    return target


@pytest.fixture
def smtp_inbox(settings: SettingsWrapper) -> Iterator[Inbox]:
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it (tests/mail_server.py)."""
    from tests.mail_server import smtp_server

    with smtp_server() as (inbox, port):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield inbox
