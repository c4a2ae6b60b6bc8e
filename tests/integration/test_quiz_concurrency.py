"""Concurrent answers to one question record exactly one response, on SQLite files and PostgreSQL."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import VALID_CONTENT
from tests.servers import drop_postgres_database, postgres_or_skip

PROBE = settings.BASE_DIR / "tests" / "concurrency_probe.py"
THREADS = 12


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
    # The story's first step carries no points; the count moves once, and the score (moved by the same
    # guarded update) with it.
    assert result["answered"] == 1
    assert result["score"] == 0
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
    url = postgres_or_skip("pause_probe")
    try:
        assert_recorded_once(run_probe(url, mode), mode)
    finally:
        drop_postgres_database(url)
