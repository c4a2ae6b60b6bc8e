"""A gunicorn worker killed in the middle of a quiz answer leaves the whole answer or none of it.

A soak test (``-m soak``: ``make soak`` runs several seeds, ``make test`` one). Visitors take
the fixture quiz over and over through gunicorn while workers are SIGKILLed (gunicorn starts
new ones). Afterwards every attempt in the database must agree with its responses: as many
answered as there are responses, at consecutive positions, the score their sum, finished
attempts graded; and every answer a visitor was told was recorded (a redirect) is there.

Everything random comes from the seed (PAUSE_SOAK_SEEDS, default "1"): the visitors'
answers, and which worker dies after how many recorded answers. Kills follow the count of
recorded answers, not the clock, and nothing asserts a duration; the load stops once enough
answers, kills and cut requests were seen, or after MAX_LOAD_SECONDS, a bound so the test
always ends (the counts it reached are then asserted).
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
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import VALID_CONTENT
from tests.servers import drop_postgres_database, postgres_or_skip
from tools.http import Browser, answer_fields, hidden_fields
from tools.servers import Gunicorn, manage, production_env

pytestmark = [pytest.mark.soak, pytest.mark.gunicorn]

SEEDS = [int(seed) for seed in os.environ.get("PAUSE_SOAK_SEEDS", "1").split()]
QUIZ = "/modules/alpha/quiz/"
VISITORS = 10
WORKERS = 3
ENOUGH_ANSWERS, ENOUGH_KILLS = 40, 6
MAX_LOAD_SECONDS = 60.0


class Load:
    """What the visitors and the killer saw, shared between their threads."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged: list[str] = []
        self.killed: list[int] = []
        self.tally: dict[str, int] = defaultdict(int)

    def count(self, kind: str) -> None:
        with self.lock:
            self.tally[kind] += 1

    @property
    def dropped(self) -> int:
        with self.lock:
            return sum(n for kind, n in self.tally.items() if kind.startswith("dropped"))

    def enough(self) -> bool:
        return len(self.acknowledged) >= ENOUGH_ANSWERS and len(self.killed) >= ENOUGH_KILLS and self.dropped >= 1


def take_quizzes(port: int, load: Load, rng: random.Random) -> None:
    """One visitor answering quizzes over and over until told to stop; a dropped request is simply retried."""
    browser = Browser(port)
    while not load.stop.is_set():
        try:
            page = browser.get(QUIZ)
            if page.status != 200:
                load.count("bad status")
                continue
            if f'action="{QUIZ}answer/"' not in page.text:  # the intro or last result: start again
                browser.post(QUIZ + "start/", hidden_fields(page.text))
                continue
            fields = answer_fields(page.text, rng)
            status = browser.post(QUIZ + "answer/", fields).status
            load.count(f"answer {status}")
            if status == 302:
                with load.lock:
                    load.acknowledged.append(str(fields["key"]))
        except (OSError, http.client.HTTPException) as exc:
            load.count(f"dropped: {type(exc).__name__}")


def kill_workers(server: Gunicorn, load: Load, rng: random.Random) -> None:
    """After every few recorded answers (3–8, drawn from the seed), SIGKILL a worker that has served a while.

    A worker counts as serving once two more answers were recorded after it first appeared, and
    one worker is always left alive so the load goes on.
    """
    first_seen: dict[int, int] = {}
    next_kill = rng.randint(3, 8)
    while not load.stop.wait(0.05):
        answers = len(load.acknowledged)
        workers = server.workers()
        for pid in workers:
            first_seen.setdefault(pid, answers)
        ready = [pid for pid in workers if answers - first_seen[pid] >= 2]
        if answers < next_kill or len(ready) < 2:
            continue
        pid = rng.choice(ready)
        try:
            os.kill(pid, signal.SIGKILL)
            load.killed.append(pid)
        except ProcessLookupError:
            pass
        next_kill = answers + rng.randint(3, 8)


def run_with_kills(database_url: str, static_root: Path, seed: int) -> Load:
    env = production_env(database_url, static_root, PAUSE_CONTENT_DIR=str(VALID_CONTENT))
    manage(env, "migrate", "--noinput", "-v", "0")
    load = Load()
    with Gunicorn(env, workers=WORKERS) as server:
        threads = [
            threading.Thread(target=take_quizzes, args=(server.port, load, random.Random(f"{seed}-visitor-{n}")))
            for n in range(VISITORS)
        ]
        threads.append(threading.Thread(target=kill_workers, args=(server, load, random.Random(f"{seed}-killer"))))
        for thread in threads:
            thread.start()
        bound = time.monotonic() + MAX_LOAD_SECONDS  # a bound on the load, not a timed assertion
        while not load.enough() and time.monotonic() < bound:
            time.sleep(0.2)
        load.stop.set()
        for thread in threads:
            thread.join(timeout=30)
    return load


def fetch(database_url: str, sql: str) -> list[tuple[Any, ...]]:
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(sql).fetchall()


def assert_whole_answers_only(database_url: str, load: Load) -> None:
    tally = dict(load.tally)
    assert len(load.killed) >= 3, (load.killed, tally)
    assert tally.get("answer 302", 0) >= 10, tally  # the load really answered questions
    assert load.dropped >= 1, tally  # and kills cut requests
    assert not [kind for kind in tally if kind.startswith("answer 5")], tally

    attempts = fetch(
        database_url, "SELECT id, answered, score, max_score, submitted_at IS NOT NULL, passed FROM quizzes_quizattempt"
    )
    responses = defaultdict(list)
    for attempt_id, position, score in fetch(
        database_url, "SELECT attempt_id, position, score FROM quizzes_quizresponse"
    ):
        responses[attempt_id].append((position, score))
    assert attempts
    assert responses
    print(f"{len(attempts)} attempts, {len(load.killed)} workers killed, requests: {tally}")
    for attempt_id, answered, score, max_score, submitted, passed in attempts:
        rows = sorted(responses.pop(attempt_id, []))
        assert answered == len(rows), (attempt_id, answered, rows)
        assert [position for position, _ in rows] == list(range(answered)), (attempt_id, rows)
        assert score == sum(s for _, s in rows) <= max_score, (attempt_id, score, rows)
        assert (passed is not None) == bool(submitted), (attempt_id, submitted, passed)
    assert not responses, "responses without an attempt"
    stored = {key for (key,) in fetch(database_url, "SELECT submission_key FROM quizzes_quizresponse")}
    lost = [key for key in load.acknowledged if key not in stored]
    assert not lost, f"{len(lost)} answers confirmed to the visitor but not in the database"


@pytest.mark.parametrize("seed", SEEDS)
def test_killed_workers_leave_whole_answers_on_sqlite(tmp_path: Path, collected_static: Path, seed: int) -> None:
    database = tmp_path / "kill.sqlite3"
    url = f"sqlite:///{database}"
    load = run_with_kills(url, collected_static, seed)
    assert_whole_answers_only(url, load)
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize("seed", SEEDS)
def test_killed_workers_leave_whole_answers_on_postgresql(collected_static: Path, seed: int) -> None:
    url = postgres_or_skip("pause_kill")
    try:
        load = run_with_kills(url, collected_static, seed)
        assert_whole_answers_only(url, load)
    finally:
        drop_postgres_database(url)
