"""A gunicorn worker killed in the middle of a quiz answer leaves the whole answer or none of it.

Many visitors take the fixture quiz at once through gunicorn while workers are
SIGKILLed at random moments (gunicorn starts new ones). Afterwards every attempt
in the database must agree with its responses: as many answered as there are
responses, at consecutive positions, the score their sum, finished attempts
graded; and every answer a visitor was told was recorded (a redirect) is there.
"""

from __future__ import annotations

import http.client
import os
import random
import signal
import sqlite3
import threading
import time
from collections import defaultdict

import pytest

from tests.conftest import VALID_CONTENT
from tests.servers import (
    Browser,
    Gunicorn,
    answer_fields,
    drop_postgres_database,
    hidden_fields,
    manage,
    postgres_or_skip,
    production_env,
)

pytestmark = pytest.mark.gunicorn

QUIZ = "/modules/alpha/quiz/"
VISITORS = 10
WORKERS = 3
MIN_LOAD_SECONDS = 6.0
MAX_LOAD_SECONDS = 25.0
WORKER_BOOT_SECONDS = 1.5


def take_quizzes(port: int, stop: threading.Event, seed: int, acknowledged: list[str], tally: dict) -> None:
    """One visitor answering quizzes over and over until told to stop; a dropped request is simply retried."""
    rng = random.Random(seed)
    browser = Browser(port)
    while not stop.is_set():
        try:
            status, html, _ = browser.request("GET", QUIZ)
            if status != 200:
                tally["bad status"] += 1
                continue
            if f'action="{QUIZ}answer/"' not in html:  # the intro or last result: start again
                browser.request("POST", QUIZ + "start/", hidden_fields(html))
                continue
            fields = answer_fields(html, rng)
            status, _, headers = browser.request("POST", QUIZ + "answer/", fields)
            tally[f"answer {status}"] += 1
            if status == 302:
                acknowledged.append(fields["key"])
        except (OSError, http.client.HTTPException) as exc:
            tally[f"dropped: {type(exc).__name__}"] += 1


def kill_workers(server: Gunicorn, stop: threading.Event, rng: random.Random, killed: list[int]) -> None:
    """SIGKILL a random worker every so often, but only one that has had time to boot and take requests."""
    first_seen: dict[int, float] = {}
    while not stop.wait(rng.uniform(0.2, 0.7)):
        now = time.monotonic()
        for pid in server.workers():
            first_seen.setdefault(pid, now)
        ready = [pid for pid in server.workers() if now - first_seen[pid] >= WORKER_BOOT_SECONDS]
        if len(ready) >= 2:  # leave one serving, so the load goes on
            pid = rng.choice(ready)
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            except ProcessLookupError:
                pass


def run_with_kills(database_url: str, static_root) -> dict:
    env = production_env(database_url, static_root, PAUSE_CONTENT_DIR=str(VALID_CONTENT))
    manage(env, "migrate", "--noinput", "-v", "0")
    stop = threading.Event()
    acknowledged: list[str] = []
    killed: list[int] = []
    tally: dict[str, int] = defaultdict(int)
    with Gunicorn(env, workers=WORKERS) as server:
        visitors = [
            threading.Thread(target=take_quizzes, args=(server.port, stop, n, acknowledged, tally))
            for n in range(VISITORS)
        ]
        killer = threading.Thread(target=kill_workers, args=(server, stop, random.Random(), killed))
        for thread in [*visitors, killer]:
            thread.start()
        # Until enough answers were recorded and workers killed mid-request, within a fixed bound.
        deadline = time.monotonic() + MAX_LOAD_SECONDS
        while time.monotonic() < deadline:
            dropped = sum(n for kind, n in tally.items() if kind.startswith("dropped"))
            if time.monotonic() > deadline - MAX_LOAD_SECONDS + MIN_LOAD_SECONDS and (
                len(acknowledged) >= 40 and len(killed) >= 6 and dropped >= 2
            ):
                break
            time.sleep(0.2)
        stop.set()
        for thread in [*visitors, killer]:
            thread.join(timeout=30)
    return {"acknowledged": acknowledged, "killed": killed, "tally": dict(tally)}


def fetch(database_url: str, sql: str) -> list[tuple]:
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(sql).fetchall()


def assert_whole_answers_only(database_url: str, run: dict) -> None:
    tally = run["tally"]
    assert len(run["killed"]) >= 3, run
    assert tally.get("answer 302", 0) >= 10, tally  # the load really answered questions
    assert sum(n for kind, n in tally.items() if kind.startswith("dropped")) >= 1, tally  # and kills cut requests
    assert not [kind for kind in tally if kind.startswith("answer 5")], tally

    attempts = fetch(
        database_url, "SELECT id, answered, score, max_score, submitted_at IS NOT NULL, passed FROM quizzes_quizattempt"
    )
    responses = defaultdict(list)
    for attempt_id, position, score in fetch(
        database_url, "SELECT attempt_id, position, score FROM quizzes_quizresponse"
    ):
        responses[attempt_id].append((position, score))
    assert attempts and responses
    print(f"{len(attempts)} attempts, {len(run['killed'])} workers killed, requests: {tally}")
    for attempt_id, answered, score, max_score, submitted, passed in attempts:
        rows = sorted(responses.pop(attempt_id, []))
        assert answered == len(rows), (attempt_id, answered, rows)
        assert [position for position, _ in rows] == list(range(answered)), (attempt_id, rows)
        assert score == sum(s for _, s in rows) <= max_score, (attempt_id, score, rows)
        assert (passed is not None) == bool(submitted), (attempt_id, submitted, passed)
    assert not responses, "responses without an attempt"
    stored = {key for (key,) in fetch(database_url, "SELECT submission_key FROM quizzes_quizresponse")}
    lost = [key for key in run["acknowledged"] if key not in stored]
    assert not lost, f"{len(lost)} answers confirmed to the visitor but not in the database"


def test_killed_workers_leave_whole_answers_on_sqlite(tmp_path, collected_static):
    started = time.monotonic()
    database = tmp_path / "kill.sqlite3"
    url = f"sqlite:///{database}"
    run = run_with_kills(url, collected_static)
    assert_whole_answers_only(url, run)
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert time.monotonic() - started < 60


def test_killed_workers_leave_whole_answers_on_postgresql(collected_static):
    started = time.monotonic()
    url = postgres_or_skip("pause_kill")
    try:
        run = run_with_kills(url, collected_static)
        assert_whole_answers_only(url, run)
    finally:
        drop_postgres_database(url)
    assert time.monotonic() - started < 60
