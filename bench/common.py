"""What every benchmark shares: budgets, a production site on a fresh SQLite file, signing in.

Run the benchmarks as modules from the repository root (`make bench` does):
``python -m bench.run``, ``python -m bench.classrooms``, ``python -m bench.answering``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from tools.http import Browser, csrf_token
from tools.servers import ROOT, collect_static, manage, production_env

TEACHER_EMAIL = "bench-teacher@example.org"
TEACHER_PASSWORD = "bench-pass-123"  # noqa: S105 (a throwaway benchmark database)


class Budget:
    """Rows of "figure, value, budget"; printed as a table that reads the same before and after a change."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, bool]] = []

    def check(
        self, name: str, value: float, limit: float, unit: str, fmt: str = "{:.2f}", *, below: bool = False
    ) -> None:
        ok = value < limit if below else value <= limit
        sign = "<" if below else "≤"
        self.rows.append((name, fmt.format(value) + unit, f"{sign} {fmt.format(limit)}{unit}", ok))

    def report(self) -> bool:
        width = max(len(name) for name, *_ in self.rows)
        print()
        for name, value, limit, ok in self.rows:
            print(f"  {name:<{width}}  {value:>12}  budget {limit:<12} {'ok' if ok else 'OVER BUDGET'}")
        return all(ok for *_, ok in self.rows)


def production_site(folder: Path) -> dict[str, str]:
    """Production settings on a fresh SQLite file in ``folder``, migrated, with static files collected.

    Redis only when BENCH_REDIS_URL asks for it, so runs compare like with like. Workers are
    never recycled during a run (GUNICORN_MAX_REQUESTS=0).
    """
    static = collect_static(folder / "static")
    env = production_env(f"sqlite:///{folder / 'bench.sqlite3'}", static, GUNICORN_MAX_REQUESTS="0")
    env["DJANGO_SECRET_KEY"] = "bench-only-" + "x" * 40
    env["PAUSE_PACK_DIR"] = str(folder / "packs")  # module pack PDFs (quizzes/pdf.py), never the repo's var/
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    manage(env, "migrate", "--noinput", "-v", "0")
    return env


def seed_classes(env: dict[str, str], *sizes: int) -> dict[int, int]:
    """Classes of these sizes for one teacher (bench/seed_classes.py); their ids by size."""
    completed = subprocess.run(  # noqa: S603 (this interpreter running the seeding module)
        [sys.executable, "-m", "bench.seed_classes", *map(str, sizes)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    pairs = (line.split("=") for line in completed.stdout.split())
    return {int(name.removeprefix("bench-")): int(pk) for name, pk in pairs}


def sign_in(port: int, username: str = TEACHER_EMAIL, password: str = TEACHER_PASSWORD, timeout: float = 10) -> Browser:
    """A keep-alive browser signed in as ``username``."""
    browser = Browser(port, keep_alive=True, timeout=timeout)
    token = csrf_token(browser.get("/accounts/login/").text)
    fields = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    status = browser.post("/accounts/login/", fields).status
    if status != 302:
        raise RuntimeError(f"signing in answered {status}")
    return browser


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000
