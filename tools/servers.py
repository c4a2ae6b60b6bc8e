"""Real servers on this machine for tests, benchmarks and the load test.

- ``Gunicorn``: the project's gunicorn (``config/gunicorn.conf.py``) on a free loopback port;
- ``production_env``: production settings over plain http on loopback;
- scratch PostgreSQL databases, made and dropped on the test server;
- ``probe_postgres`` / ``probe_redis``: does a server answer, and if not, why.

Every address is 127.0.0.1 (or the PostgreSQL and Redis URLs the developer gives).
"""

from __future__ import annotations

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
from types import TracebackType
from typing import IO
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/pause"
# Tests and the load test use a Redis database of their own, never the developer's db 0:
# the suite clears the cache between tests (FLUSHDB).
DEFAULT_TEST_REDIS = "redis://127.0.0.1:6379/15"

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "PAUSE_INSECURE_HTTP": "1",  # plain http on loopback: no TLS redirect, no Secure cookies
}


def free_port() -> int:
    """A loopback port nobody listens on now (``Gunicorn`` retries if another process takes it first)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- environments ------------------------------------------------------------------------------


def production_env(database_url: str, static_root: Path, **extra: str) -> dict[str, str]:
    """This process's environment with production settings, the given database and no Redis."""
    env = {**os.environ, **PRODUCTION_ENV, "DATABASE_URL": database_url, "DJANGO_STATIC_ROOT": str(static_root)}
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' flag; never in production
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    """Run ``manage.py`` with ``env``; its standard output. Fails loudly with its error output."""
    completed = subprocess.run(  # noqa: S603 (this interpreter running manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if completed.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{completed.stderr}")
    return completed.stdout


def collect_static(root: Path) -> Path:
    """``collectstatic`` as production runs it (compressed files, hashed names) into ``root``."""
    manage(production_env("sqlite:///:memory:", root), "collectstatic", "--noinput", "-v", "0")
    return root


# --- gunicorn ----------------------------------------------------------------------------------


class Gunicorn:
    """gunicorn with the project's config file on a free loopback port; stops itself on exit.

    ``with Gunicorn(env, workers=2) as server: ... server.url ...``. Its log goes to a file
    (``output()``); a port that another process took between choosing and binding is retried.
    """

    START_SECONDS = 60

    def __init__(self, env: dict[str, str], workers: int = 2, attempts: int = 3):
        self.env = env
        self.workers_count = workers
        self.attempts = attempts
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        for attempt in range(1, self.attempts + 1):
            self.port = free_port()
            # A file, not a pipe: nobody has to keep reading it. Closed in __exit__.
            self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
            env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": str(self.workers_count),
                   "GUNICORN_ACCESS_LOG": "", "GUNICORN_LOG_LEVEL": "warning"}  # fmt: skip
            self.process = subprocess.Popen(  # noqa: S603 (this interpreter running gunicorn)
                [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
                cwd=ROOT, env=env, stderr=self.log,
            )  # fmt: skip
            if self._wait_until_serving():
                return self
            output = self.output()
            self.stop()
            if "Address already in use" not in output or attempt == self.attempts:
                raise RuntimeError(f"gunicorn did not start:\n{output}")
        raise AssertionError("unreachable")

    def _wait_until_serving(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + self.START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                    if response.status == 200:
                        return True
            except OSError:
                time.sleep(0.1)
        return False

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None and not self.log.closed:
            self._last_output = self.output()
            self.log.close()

    def output(self) -> str:
        if self.log is None or self.log.closed:
            return getattr(self, "_last_output", "")
        self.log.seek(0)
        return self.log.read()

    def workers(self, *, every_one: bool = False) -> list[int]:
        """The worker processes' ids (the master's children), in a stable order.

        The first worker can answer before the master has forked the last (gunicorn spawns them a
        moment apart): with ``every_one``, wait (START_SECONDS at most) until all of them are there.
        """
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        deadline = time.monotonic() + self.START_SECONDS
        while True:
            found = sorted(int(pid) for pid in children.read_text().split())
            if not every_one or len(found) >= self.workers_count or time.monotonic() > deadline:
                return found
            time.sleep(0.05)


# --- PostgreSQL and Redis ----------------------------------------------------------------------


def postgres_url() -> str:
    """The PostgreSQL the test passes use: DATABASE_URL when it is PostgreSQL, else the local server."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    return os.environ.get("PAUSE_TEST_POSTGRES") or DEFAULT_POSTGRES


def redis_test_url() -> str:
    """The Redis database tests use: PAUSE_TEST_REDIS_URL, else db 15 of the local server."""
    return os.environ.get("PAUSE_TEST_REDIS_URL") or DEFAULT_TEST_REDIS


def server_url(url: str, database: str = "postgres") -> str:
    """The same PostgreSQL server, another database (by default its maintenance database)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, ""))


def shown(url: str) -> str:
    """The URL without its password, if it has one."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def probe_postgres(url: str) -> str | None:
    """None when the server answers; otherwise why not, in a few words."""
    if not url.startswith(("postgres://", "postgresql://")):
        return f"not a PostgreSQL URL ({urlsplit(url).scheme})"
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(server_url(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        where = f"{urlsplit(url).hostname}:{urlsplit(url).port or 5432}"
        return f"no PostgreSQL answered at {where} ({first_line(exc)})"
    return None


def probe_redis(url: str) -> str | None:
    """None when the server answers; otherwise why not, in a few words."""
    try:
        import redis
    except ImportError:
        return "redis (the Python client) is not installed"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as exc:
        return f"no Redis answered at {urlsplit(url).hostname}:{urlsplit(url).port or 6379} ({first_line(exc)})"
    return None


def create_postgres_database(prefix: str, url: str | None = None) -> str | None:
    """A fresh, empty database on the test PostgreSQL server (its URL), or None when none answers."""
    try:
        import psycopg
    except ImportError:
        return None
    base = server_url(url or postgres_url())
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return server_url(base, name)


def drop_postgres_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(server_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
