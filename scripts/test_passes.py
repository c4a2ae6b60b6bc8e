"""`make test`'s three pytest passes, and one summary read from their JUnit XML reports.

    python -m scripts.test_passes [pytest arguments...]

1. **SQLite**: the whole suite but the soak tests, in parallel (pytest-xdist, one worker per
   core): SQLite files, the in-process cache, sessions in the database. Browser and gunicorn
   tests run here only. Tests that need PostgreSQL whatever the pass (the concurrency probe)
   make scratch databases on the PostgreSQL server.
2. **PostgreSQL + Redis**: only the tests marked `db` (they use the database, the cache or
   sessions; tests/conftest.py marks them), not the browser or gunicorn ones: on
   DATABASE_URL when it is PostgreSQL, else postgres://postgres@127.0.0.1:5432/pause
   (pytest-django makes and drops a "test_" database beside it for each worker), with cache and
   sessions in Redis at PAUSE_TEST_REDIS_URL (default redis://127.0.0.1:6379/15, never the
   developer's db 0). In parallel too: the tests clear the cache, so each worker has a Redis
   database of its own below that one (tests/conftest.py).
3. **Soak, one seeded run**: the worker-kill chaos test on SQLite and PostgreSQL
   (`make soak` runs more seeds).

Each pass's JUnit XML report is kept in var/test-reports/ (per-test times included).
A pass whose server does not answer is skipped and the summary says why, unless
REQUIRE_POSTGRES (or REQUIRE_REDIS) is set, as CI sets them: then a missing server fails the run.
Extra arguments go to every pass (e.g. `-x`, or `-k name`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET  # noqa: S405 (our own pytest's report)
from dataclasses import dataclass, field
from pathlib import Path

from tools.servers import ROOT, postgres_url, probe_postgres, probe_redis, redis_test_url, shown

KINDS = ("passed", "failed", "errors", "skipped")
REPORTS = ROOT / "var" / "test-reports"


@dataclass
class Pass:
    name: str
    note: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    ran: bool = False
    ok: bool = True
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def read_report(path: Path) -> dict[str, int]:
    """Counts from pytest's JUnit XML (one <testsuite>, or several under <testsuites>)."""
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()  # noqa: S314 (written by this run's pytest)
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in suites:
        for kind in total:
            total[kind] += int(suite.get(kind, 0))
    failed, errors, skipped = total["failures"], total["errors"], total["skipped"]
    return {"passed": total["tests"] - failed - errors - skipped, "failed": failed, "errors": errors,
            "skipped": skipped}  # fmt: skip


def run_pytest(run: Pass, report: Path) -> None:
    print(f"\n=== {run.name}: {run.note} ===", flush=True)
    started = time.monotonic()
    completed = subprocess.run(  # noqa: S603 (this interpreter running pytest)
        [sys.executable, "-m", "pytest", *run.args, f"--junitxml={report}"], cwd=ROOT, env=run.env, check=False
    )
    run.seconds = time.monotonic() - started
    run.ran = True
    run.counts = read_report(report)
    # pytest exits 5 when it collected nothing: a pass that tested nothing has not passed.
    run.ok = completed.returncode == 0


def plan(extra: list[str]) -> list[Pass]:
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    database = postgres_url()
    base["PAUSE_TEST_POSTGRES"] = database  # where tests that need PostgreSQL anyway make scratch databases
    redis = redis_test_url()

    sqlite = Pass("SQLite", "SQLite files, local-memory cache, sessions in the database; in parallel",
                  ["--numprocesses=auto", "--dist=worksteal", "--durations=10", *extra], base)  # fmt: skip

    # At most 8 workers: each needs a Redis database below PAUSE_TEST_REDIS_URL's, and db 0 is never used.
    workers = str(min(os.cpu_count() or 1, 8))
    postgres = Pass("PostgreSQL + Redis", "",
                    ["-m", "db and not browser and not gunicorn", f"--numprocesses={workers}", "--dist=worksteal", *extra])  # fmt: skip
    problem = probe_postgres(database)
    redis_problem = probe_redis(redis)
    if problem:
        postgres.note = f"skipped: {problem}"
        if os.environ.get("REQUIRE_POSTGRES"):
            postgres.ok, postgres.note = False, f"FAILED: REQUIRE_POSTGRES is set but {problem}"
    elif redis_problem and os.environ.get("REQUIRE_REDIS"):
        postgres.ok, postgres.note = False, f"FAILED: REQUIRE_REDIS is set but {redis_problem}"
    else:
        postgres.env = {**base, "DATABASE_URL": database}
        if redis_problem:
            postgres.name = "PostgreSQL"
            postgres.note = f"tests marked db on {shown(database)}; Redis not used: {redis_problem}"
        else:
            postgres.env["REDIS_URL"] = redis
            postgres.note = f"tests marked db on {shown(database)}, cache and sessions in {shown(redis)}"

    soak = Pass("Soak, one seeded run", "the worker-kill chaos test, seed 1, on SQLite and PostgreSQL",
                ["-m", "soak", "-p", "no:xdist", *extra], {**base, "PAUSE_SOAK_SEEDS": "1"})  # fmt: skip
    return [sqlite, postgres, soak]


def main(extra: list[str]) -> int:
    passes = plan(extra)
    REPORTS.mkdir(parents=True, exist_ok=True)
    for number, run in enumerate(passes, start=1):
        report = REPORTS / f"pass-{number}.xml"
        report.unlink(missing_ok=True)
        if run.env:
            run_pytest(run, report)

    print("\n=== test passes ===")
    for run in passes:
        if run.ran:
            counts = ", ".join(f"{run.counts[kind]} {kind}" for kind in KINDS if run.counts.get(kind)) or "no report"
            verdict = "passed" if run.ok else "FAILED"
            print(f"  {run.name:<22} {verdict}: {counts} in {run.seconds:.0f} s ({run.note})")
        else:
            print(f"  {run.name:<22} {run.note}")
    totals = {kind: sum(run.counts.get(kind, 0) for run in passes) for kind in KINDS}
    ok = all(run.ok for run in passes)
    print(
        f"total: {totals['passed']} passed, {totals['failed'] + totals['errors']} failed, {totals['skipped']} skipped"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
