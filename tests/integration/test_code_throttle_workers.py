"""The code limit holds across gunicorn workers on the one-machine SQLite set-up: it is counted in the database.

Gunicorn's workers share one listening socket, so which worker answers is up to them. To know, the test
pauses (SIGSTOP) every worker but one while a browser types wrong codes, then pauses that one and lets
the others answer: the next code is refused by a worker that never saw a wrong one.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.conftest import VALID_CONTENT
from tools.http import Browser, csrf_token
from tools.servers import Gunicorn, manage, production_env

pytestmark = pytest.mark.gunicorn

LIMIT = 3


def wrong_code(browser: Browser) -> int:
    token = csrf_token(browser.get("/join/").text)
    return browser.post("/join/", {"csrfmiddlewaretoken": token, "code": "QQQQ-QQQQ", "nickname": "Sam"}).status


def only_these_answer(answering: list[int], paused: list[int]) -> None:
    for pid in paused:
        os.kill(pid, signal.SIGSTOP)
    for pid in answering:
        os.kill(pid, signal.SIGCONT)


def test_wrong_codes_counted_by_one_worker_limit_the_browser_at_another(tmp_path: Path, collected_static: Path):
    env = production_env(
        f"sqlite:///{tmp_path / 'pause.sqlite3'}",
        collected_static,
        PAUSE_CONTENT_DIR=str(VALID_CONTENT),
        CODE_LIMIT_BROWSER=str(LIMIT),
    )
    manage(env, "migrate", "--noinput", "-v", "0")
    with Gunicorn(env, workers=3) as server:
        first, *others = server.workers(every_one=True)
        assert len(others) == 2
        browser = Browser(server.port)  # a new connection per request, one cookie jar: one browser
        try:
            only_these_answer([first], others)
            assert [wrong_code(browser) for _ in range(LIMIT)] == [400] * LIMIT
            only_these_answer(others, [first])
            assert wrong_code(browser) == 429  # a worker that saw none of the wrong codes refuses
            assert wrong_code(Browser(server.port)) == 400  # another browser behind the same address is not
        finally:
            only_these_answer([first, *others], [])
