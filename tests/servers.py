"""Real servers for tests: gunicorn on a loopback port, fresh PostgreSQL databases, a plain HTTP browser.

Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-only-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "PAUSE_INSECURE_HTTP": "1",  # plain http on loopback: no TLS redirect, no Secure cookies
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- PostgreSQL -------------------------------------------------------------------------------


def _postgres_server() -> str:
    """The server to make scratch databases on: DATABASE_URL's when that is PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    return os.environ.get("PAUSE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def postgres_database(prefix: str) -> str | None:
    """A fresh, empty database on the test PostgreSQL server, or None when none answers."""
    try:
        import psycopg
    except ImportError:
        return None
    base = _postgres_server()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return base.rsplit("/", 1)[0] + "/" + name


def drop_postgres_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_or_skip(prefix: str) -> str:
    url = postgres_database(prefix)
    if url is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required (REQUIRE_POSTGRES) but none answered at {_postgres_server()}")
        pytest.skip(f"no PostgreSQL server answered at {_postgres_server()}")
    return url


# --- gunicorn -------------------------------------------------------------------------------


def production_env(database_url: str, static_root: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, **PRODUCTION_ENV, "DATABASE_URL": database_url, "DJANGO_STATIC_ROOT": str(static_root)}
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the Makefile for Playwright; never in production
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=120)


class Gunicorn:
    """gunicorn with the project's config file on a free loopback port."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.port = free_port()
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": str(workers),
                    "GUNICORN_ACCESS_LOG": "", "GUNICORN_LOG_LEVEL": "warning"}  # fmt: skip
        self.process: subprocess.Popen | None = None
        # A file, not a pipe: nobody has to keep reading it. Closed in __exit__.
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115

    def __enter__(self) -> Gunicorn:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
            cwd=ROOT, env=self.env, stderr=self.log,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.output()}")
            try:
                if Browser(self.port).request("GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start in 30 s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def workers(self) -> list[int]:
        """The worker processes' ids: the master's children."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


# --- a browser --------------------------------------------------------------------------------


class Browser:
    """One reader: keeps cookies; a new connection per request, so a killed worker costs one request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields: dict | None = None) -> tuple[int, str, dict[str, str]]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode()
        finally:
            conn.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, content, {k.lower(): v for k, v in response.getheaders()}


def hidden_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'type="hidden" name="([\w-]+)" value="([^"]*)"', html))


def answer_fields(html: str, rng: random.Random) -> dict:
    """The question's hidden fields plus a random valid answer to whatever it asks."""
    fields: dict = hidden_fields(html)
    choices = re.findall(r'name="choice" value="(\w+)"', html)
    if re.search(r'<input[^>]*type="checkbox"[^>]*name="choice"', html):
        fields["choice"] = rng.sample(choices, rng.randint(1, len(choices)))
    elif choices:
        fields["choice"] = rng.choice(choices)
    places = sorted(set(re.findall(r'<select name="(place_\d+)"', html)))
    order = rng.sample(range(1, len(places) + 1), len(places))
    fields.update({name: str(place) for name, place in zip(places, order, strict=True)})
    return fields
