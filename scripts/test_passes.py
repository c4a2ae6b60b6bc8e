"""Run the whole test suite on SQLite, then again on PostgreSQL with Redis: `make test`.

    python scripts/test_passes.py [pytest arguments...]

The PostgreSQL pass runs when a server answers at DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/pause; pytest-django makes and drops a
"test_" database beside it), with cache and sessions in Redis at REDIS_URL
(default redis://127.0.0.1:6379/0) when that answers. Otherwise the pass is
skipped and the summary says why, unless REQUIRE_POSTGRES (or REQUIRE_REDIS) is
set, as CI sets them: then a missing server fails the run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import services  # noqa: E402

COUNT = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")


@dataclass
class Pass:
    name: str
    note: str = ""
    ran: bool = False
    ok: bool = True
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def shown(url: str) -> str:
    """The URL without its password, if it has one."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def run_pytest(run: Pass, env: dict[str, str], args: list[str]) -> None:
    print(f"\n=== {run.name}: {run.note} ===", flush=True)
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 (this interpreter running pytest, with the caller's own arguments)
        [sys.executable, "-m", "pytest", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, bufsize=1
    )
    last_summary = ""
    for line in process.stdout:
        sys.stdout.write(line)
        if COUNT.search(line) and (" in " in line or line.startswith("=")):
            last_summary = line
    process.wait()
    run.seconds = time.monotonic() - started
    run.ran = True
    run.counts = {
        kind.rstrip("s") if kind.startswith("error") else kind: int(n) for n, kind in COUNT.findall(last_summary)
    }
    # pytest exits 5 when it collected nothing: a pass that tested nothing has not passed.
    run.ok = process.returncode == 0


def main(args: list[str]) -> int:
    base_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    passes = []

    sqlite = Pass("SQLite", "SQLite files, local-memory cache, sessions in the database")
    run_pytest(sqlite, base_env, args)
    passes.append(sqlite)

    postgres_url, redis_url = services.postgres_url(), services.redis_url()
    postgres = Pass("PostgreSQL + Redis")
    problem = services.probe_postgres(postgres_url)
    if problem:
        postgres.note = f"skipped: {problem}"
        if os.environ.get("REQUIRE_POSTGRES"):
            postgres.ok = False
            postgres.note = f"FAILED: REQUIRE_POSTGRES is set but {problem}"
    else:
        env = {**base_env, "DATABASE_URL": postgres_url}
        redis_problem = services.probe_redis(redis_url)
        if redis_problem and os.environ.get("REQUIRE_REDIS"):
            postgres.ok = False
            postgres.note = f"FAILED: REQUIRE_REDIS is set but {redis_problem}"
        else:
            if redis_problem:
                postgres.name = "PostgreSQL"
                postgres.note = f"{shown(postgres_url)}; Redis not used: {redis_problem}"
            else:
                env["REDIS_URL"] = redis_url
                postgres.note = f"{shown(postgres_url)}, cache and sessions in {shown(redis_url)}"
            run_pytest(postgres, env, args)
    passes.append(postgres)

    print("\n=== test passes ===")
    for run in passes:
        if run.ran:
            counts = ", ".join(f"{n} {kind}" for kind, n in run.counts.items()) or "no summary line"
            verdict = "passed" if run.ok else "FAILED"
            print(f"  {run.name:<20} {verdict}: {counts} in {run.seconds:.0f} s ({run.note})")
        else:
            print(f"  {run.name:<20} {run.note}")
    totals = {kind: sum(run.counts.get(kind, 0) for run in passes) for kind in ("passed", "failed", "skipped")}
    totals["failed"] += sum(run.counts.get("error", 0) for run in passes)
    print(f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 0 if all(run.ok for run in passes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
