"""Concurrent answers to one question record exactly one response, on SQLite files and PostgreSQL."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings

from tests.conftest import VALID_CONTENT

PROBE = settings.BASE_DIR / "tests" / "concurrency_probe.py"
THREADS = 12


def postgres_url() -> str | None:
    """A fresh, empty PostgreSQL database for one probe run, or None when no server answers."""
    try:
        import psycopg
    except ImportError:
        return None
    base = os.environ.get("PAUSE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"pause_probe_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return base.rsplit("/", 1)[0] + "/" + name


def drop_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_probe(database_url: str, mode: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "PAUSE_CONTENT_DIR": str(VALID_CONTENT)}
    env.pop("REDIS_URL", None)
    completed = subprocess.run(
        [sys.executable, str(PROBE), mode, str(THREADS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=settings.BASE_DIR,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def assert_recorded_once(result: dict, mode: str) -> None:
    assert result["responses"] == 1
    assert result["answered"] == 1 and result["score"] == 2
    assert not [o for o in result["outcomes"] if o.startswith("error")], result["outcomes"]
    assert result["outcomes"].count("created") == 1
    if mode == "same-key":
        assert result["outcomes"].count("duplicate") == THREADS - 1
    else:
        # Another tab's answer to the same question is shown as already answered, never recorded again.
        assert result["outcomes"].count("duplicate") + result["outcomes"].count("refused") == THREADS - 1


@pytest.mark.parametrize("mode", ["same-key", "new-keys"])
def test_concurrent_answers_on_a_sqlite_file_record_once(tmp_path, mode):
    result = run_probe(f"sqlite:///{tmp_path / 'race.sqlite3'}", mode)
    assert_recorded_once(result, mode)


@pytest.mark.parametrize("mode", ["same-key", "new-keys"])
def test_concurrent_answers_on_postgresql_record_once(mode):
    url = postgres_url()
    if url is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required (REQUIRE_POSTGRES) but none answered at 127.0.0.1:5432")
        pytest.skip("no PostgreSQL server answered at 127.0.0.1:5432")
    try:
        assert_recorded_once(run_probe(url, mode), mode)
    finally:
        drop_postgres(url)
