"""Load test: locust journeys against gunicorn on loopback, on SQLite and then PostgreSQL + Redis.

    make loadtest            # LOADTEST_USERS (200), LOADTEST_SECONDS (30 per database)

For each database: a fresh database, migrated, with the demo classes when
`manage.py seed_demo` exists; gunicorn with config/gunicorn.conf.py (production
settings over plain http on 127.0.0.1); locust headless with LOADTEST_USERS users
for LOADTEST_SECONDS. Prints requests, failures and p50/p95 per journey. Exits 1
on any failure. The PostgreSQL run is skipped, with the reason, when no server
answers (DATABASE_URL's server, else 127.0.0.1:5432). Every request goes to
127.0.0.1 only, and every run stops by itself.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import services  # noqa: E402

USERS = int(os.environ.get("LOADTEST_USERS", "200"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
SPAWN_RATE = max(1, USERS // 10)  # everyone arrives within the first ten seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def has_command(env: dict[str, str], name: str) -> bool:
    return manage(env, "help", name, check=False).returncode == 0


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited at start")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # nosec B310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in 60 s")


def run(label: str, env: dict[str, str], workdir: Path) -> dict:
    manage(env, "migrate", "--noinput", "-v", "0")
    user_classes = ["Visitor", "Student"]
    notes = []
    if has_command(env, "seed_demo"):
        manage(env, "seed_demo", "--force")
        user_classes.append("Teacher")
    else:
        notes.append("teacher journey skipped: `manage.py seed_demo` does not exist yet (it comes with classrooms)")
    port = free_port()
    gunicorn_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    workers = gunicorn_env.setdefault("GUNICORN_WORKERS", str(2 * os.cpu_count() + 1))
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
        cwd=ROOT, env=gunicorn_env,
    )  # fmt: skip
    summary_path = workdir / f"{label}.json"
    try:
        wait_for(port, gunicorn)
        print(f"\n=== {label}: gunicorn ({workers} workers), {USERS} users for {SECONDS} s: {', '.join(user_classes)}")
        for note in notes:
            print(f"NOTE: {note}")
        locust = [
            sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
            "--users", str(USERS), "--spawn-rate", str(SPAWN_RATE), "--run-time", f"{SECONDS}s",
            "--stop-timeout", "15", "--host", f"http://127.0.0.1:{port}", "--only-summary",
            "--loglevel", "WARNING", *user_classes,
        ]  # fmt: skip
        subprocess.run(locust, cwd=ROOT, env={**env, "LOADTEST_SUMMARY": str(summary_path)}, timeout=SECONDS + 120)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=60)
    summary = json.loads(summary_path.read_text())
    summary["notes"] = notes
    return summary


def print_table(label: str, summary: dict) -> None:
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
    results: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="pause-loadtest-") as tmp:
        workdir = Path(tmp)
        env = {
            **base,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "loadtest-only-" + uuid.uuid4().hex * 2,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAUSE_INSECURE_HTTP": "1",  # plain http on loopback: no TLS redirect, no Secure cookies
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
        }
        manage(
            {**env, "DATABASE_URL": f"sqlite:///{workdir / 'static.sqlite3'}"}, "collectstatic", "--noinput", "-v", "0"
        )

        results["SQLite"] = run("SQLite", {**env, "DATABASE_URL": f"sqlite:///{workdir / 'load.sqlite3'}"}, workdir)

        problem = services.probe_postgres(services.postgres_url())
        if problem:
            skipped["PostgreSQL + Redis"] = problem
        else:
            database = create_postgres_database(services.postgres_url())
            pg_env = {**env, "DATABASE_URL": database}
            label = "PostgreSQL + Redis"
            redis_problem = services.probe_redis(services.redis_url())
            if redis_problem:
                label = "PostgreSQL"
                print(f"NOTE: Redis not used: {redis_problem}")
            else:
                pg_env.update(REDIS_URL=services.redis_url(), PAUSE_CACHE_PREFIX=f"loadtest-{uuid.uuid4().hex[:8]}")
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


def create_postgres_database(url: str) -> str:
    import psycopg

    name = f"pause_loadtest_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(services.server_url(url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return services.server_url(url, name)


def drop_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(services.server_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
