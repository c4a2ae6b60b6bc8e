"""A student answering while a teacher reissues 300 login cards, on SQLite (DESIGN.md, "Budgets").

    make bench          (or: .venv/bin/python -m bench.answering)

Reissuing a class's login cards hashes and writes a new passphrase for every student, the
longest run of writes a teacher can start. SQLite lets one writer in at a time, so a student
answering a quiz meanwhile waits for the lock. Starts gunicorn (the project's config,
production settings, 3 sync workers, a fresh SQLite file), seeds a class of 300, and while
the teacher reissues its cards (BENCH_REISSUES times, 2), one student answers quiz steps
(each answer is a write) as fast as the pages come back. Measures each answer's wait:

- p99 of a quiz step POST while the cards are reissued: budget < 1 s;
- printed beside it: the same answer's median and p99 with nobody else writing, and how
  long each reissue took.

Exits 1 when the budget is missed. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from pathlib import Path

from bench.common import Budget, median_ms, percentile, production_site, seed_classes, sign_in
from tools.http import Browser, answer_fields, csrf_token
from tools.servers import Gunicorn

QUIZ = "/modules/consent/quiz/"
CLASS_SIZE = 300
REISSUES = int(os.environ.get("BENCH_REISSUES", "2"))
QUIET_ANSWERS = 200


class Student:
    """An anonymous reader answering the quiz over and over; keeps each answer's time."""

    def __init__(self, port: int):
        self.port = port
        self.browser = Browser(port, keep_alive=True, timeout=120)  # a long wait is what is measured
        self.waits: list[float] = []

    def answer_one(self) -> None:
        page = self.browser.get(QUIZ).text
        while f'action="{QUIZ}answer/"' not in page:  # the intro or the result: start (again)
            started = self.browser.post(QUIZ + "start/", {"csrfmiddlewaretoken": csrf_token(page)})
            if started.status == 429:  # a visitor's session starts only so many attempts: be a new visitor
                self.browser = Browser(self.port, keep_alive=True, timeout=120)
            elif started.status != 302:
                raise RuntimeError(f"starting the quiz answered {started.status}")
            page = self.browser.get(QUIZ).text
        answer = self.browser.post(QUIZ + "answer/", answer_fields(page))
        if answer.status != 302:
            raise RuntimeError(f"answering a quiz step answered {answer.status}")
        self.waits.append(answer.seconds)


def ticked(html: str) -> list[str]:
    """The students ticked on the confirmation page: all of them, as a teacher reissuing for everyone sends."""
    return re.findall(r'name="students" value="(\d+)"[^>]* checked', html)


def reissue_cards(port: int, classroom_id: int, took: list[float], done: threading.Event) -> None:
    try:
        teacher = sign_in(port, timeout=300)
        cards = f"/teach/classes/{classroom_id}/cards/"
        for _ in range(REISSUES):
            page = teacher.get(cards + "new/").text  # the confirmation page, every student ticked
            fields: dict[str, str | list[str]] = {
                "csrfmiddlewaretoken": csrf_token(page),
                "confirm": "on",
                "students": ticked(page),
            }
            reply = teacher.post(cards + "new/", fields)
            if reply.status != 302:
                raise RuntimeError(f"reissuing the cards answered {reply.status}")
            took.append(reply.seconds)
    finally:
        done.set()


def main() -> int:
    budget = Budget()
    with tempfile.TemporaryDirectory(prefix="pause-bench-") as tmp:
        env = production_site(Path(tmp))
        classroom_id = seed_classes(env, CLASS_SIZE)[CLASS_SIZE]
        with Gunicorn(env, workers=3) as server:
            quiet = Student(server.port)
            for _ in range(QUIET_ANSWERS):
                quiet.answer_one()

            busy = Student(server.port)
            took: list[float] = []
            done = threading.Event()
            teacher = threading.Thread(target=reissue_cards, args=(server.port, classroom_id, took, done))
            teacher.start()
            while not done.is_set():
                busy.answer_one()
            teacher.join()
    if len(took) != REISSUES:
        raise RuntimeError("the teacher's reissue failed (see above)")

    print(f"gunicorn, 3 sync workers, DEBUG off, SQLite; a class of {CLASS_SIZE}")
    print(f"  reissuing {CLASS_SIZE} login cards: {', '.join(f'{s:.1f} s' for s in took)}")
    print(f"  quiz step POST, nobody else writing: median {median_ms(quiet.waits):6.1f} ms, "
          f"p99 {percentile(quiet.waits, 0.99) * 1000:6.1f} ms ({len(quiet.waits)} answers)")  # fmt: skip
    print(f"  quiz step POST, during the reissues: median {median_ms(busy.waits):6.1f} ms, "
          f"p99 {percentile(busy.waits, 0.99) * 1000:6.1f} ms, max {max(busy.waits) * 1000:6.1f} ms "
          f"({len(busy.waits)} answers)")  # fmt: skip
    budget.check("answer p99 while 300 cards are reissued", percentile(busy.waits, 0.99), 1, " s", below=True)
    return 0 if budget.report() else 1


if __name__ == "__main__":
    sys.exit(main())
