"""Load test: locust journeys against gunicorn on loopback, on SQLite and then PostgreSQL + Redis.

    make loadtest            # LOADTEST_USERS (200), LOADTEST_SECONDS (30 per database)
    .venv/bin/python -m bench.loadtest     (after `make loadtest` installed locust once)

For each database: a fresh database, migrated, with the demo classes when
`manage.py seed_demo` exists; gunicorn with config/gunicorn.conf.py (production
settings over plain http on 127.0.0.1); locust headless with LOADTEST_USERS users
for LOADTEST_SECONDS. Prints requests, failures and p50/p95 per journey. Exits 1
on any failure. The PostgreSQL run is skipped, with the reason, when no server
answers (DATABASE_URL's server, else 127.0.0.1:5432); Redis is PAUSE_TEST_REDIS_URL's
database (db 15 by default, never the developer's db 0). Every request goes to 127.0.0.1
only, and every run stops by itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from tools.servers import (
    ROOT,
    Gunicorn,
    collect_static,
    create_postgres_database,
    drop_postgres_database,
    postgres_url,
    probe_postgres,
    probe_redis,
    redis_test_url,
)

USERS = int(os.environ.get("LOADTEST_USERS", "200"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
SPAWN_RATE = max(1, USERS // 10)  # everyone arrives within the first ten seconds
WORKERS = 2 * (os.cpu_count() or 1) + 1


def manage(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def has_command(env: dict[str, str], name: str) -> bool:
    return manage(env, "help", name, check=False).returncode == 0


def run(label: str, env: dict[str, str], workdir: Path) -> dict[str, Any]:
    manage(env, "migrate", "--noinput", "-v", "0")
    user_classes = ["Visitor", "Student"]
    notes = []
    if has_command(env, "seed_demo"):
        manage(env, "seed_demo", "--force")
        user_classes.append("Teacher")
    else:
        notes.append("teacher journey skipped: `manage.py seed_demo` does not exist")
    summary_path = workdir / f"{label}.json"
    with Gunicorn({**env, "GUNICORN_MAX_REQUESTS": "0"}, workers=WORKERS) as server:
        print(f"\n=== {label}: gunicorn ({WORKERS} workers), {USERS} users for {SECONDS} s: {', '.join(user_classes)}")
        for note in notes:
            print(f"NOTE: {note}")
        locust = [
            sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
            "--users", str(USERS), "--spawn-rate", str(SPAWN_RATE), "--run-time", f"{SECONDS}s",
            "--stop-timeout", "15", "--host", server.url, "--only-summary",
            "--loglevel", "WARNING", *user_classes,
        ]  # fmt: skip
        # PYTHONPATH: the locustfile imports tools/ (locust puts only bench/ on the path).
        locust_env = {**env, "LOADTEST_SUMMARY": str(summary_path), "PYTHONPATH": str(ROOT)}
        subprocess.run(locust, cwd=ROOT, env=locust_env, timeout=SECONDS + 120, check=False)
    summary: dict[str, Any] = json.loads(summary_path.read_text())
    summary["notes"] = notes
    return summary


def print_table(label: str, summary: dict[str, Any]) -> None:
    print(f"\n{label}")
    header = f"  {'journey':<18} {'requests':>9} {'failures':>9} {'p50 ms':>8} {'p95 ms':>8} {'journeys':>9}"
    print(header + f" {'journey p50 ms':>15} {'journey p95 ms':>15}")
    for name, row in summary.items():
        if name in ("all", "notes"):
            continue
        if not row["requests"]:
            print(f"  {name:<18} {'not run':>9}")
            continue
        print(
            f"  {name:<18} {row['requests']:>9} {row['failures']:>9} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['journeys']:>9} {row['journey_p50_ms'] or '-':>15} {row['journey_p95_ms'] or '-':>15}"
        )
    total = summary["all"]
    print(
        f"  {'all requests':<18} {total['requests']:>9} {total['failures']:>9} {total['p50_ms']:>8} "
        f"{total['p95_ms']:>8}   ({total['rps']} requests/s)"
    )
    for error in total["errors"]:
        print(f"  error: {error}")
    for note in summary["notes"]:
        print(f"  note: {note}")


def main() -> int:
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    results: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="pause-loadtest-") as tmp:
        workdir = Path(tmp)
        env = {
            **base,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "loadtest-only-" + uuid.uuid4().hex * 2,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAUSE_INSECURE_HTTP": "1",  # plain http on loopback: no TLS redirect, no Secure cookies
            "DJANGO_STATIC_ROOT": str(collect_static(workdir / "static")),
        }

        results["SQLite"] = run("SQLite", {**env, "DATABASE_URL": f"sqlite:///{workdir / 'load.sqlite3'}"}, workdir)

        problem = probe_postgres(postgres_url())
        database = None if problem else create_postgres_database("pause_loadtest")
        if database is None:
            skipped["PostgreSQL + Redis"] = problem or "could not make a database"
        else:
            pg_env = {**env, "DATABASE_URL": database}
            label = "PostgreSQL + Redis"
            redis_problem = probe_redis(redis_test_url())
            if redis_problem:
                label = "PostgreSQL"
                print(f"NOTE: Redis not used: {redis_problem}")
            else:
                pg_env.update(REDIS_URL=redis_test_url(), PAUSE_CACHE_PREFIX=f"loadtest-{uuid.uuid4().hex[:8]}")
            try:
                results[label] = run(label, pg_env, workdir)
            finally:
                drop_postgres_database(database)

    for label, summary in results.items():
        print_table(f"{label}: {USERS} users, {SECONDS} s", summary)
    for label, reason in skipped.items():
        print(f"\n{label}: skipped: {reason}")
    failures = sum(summary["all"]["failures"] for summary in results.values())
    print(f"\nload test: {'FAILED' if failures else 'ok'}: {failures} failed requests")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
