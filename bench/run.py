"""Benchmarks that print ratios, measured in one run on this machine.

    make bench

Starts gunicorn (production settings, 2 sync workers, a fresh SQLite file) on
a free loopback port and measures, with one keep-alive client sending requests
in turn so both pages see the same conditions:

- the lesson page's median latency over /healthz's (a bare Django view through
  the same middleware): budget <= 1.5;
- the time to load and validate the whole course and its quizzes from cold,
  rendering every text, as every start does: budget < 2 s;
- the bytes of a lesson page with its CSS and JS, compressed: budget < 100 KB;
- answering one quiz step (the POST that records it) over /healthz: budget <= 3.

Exits 1 when a budget is missed. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LESSON = "/modules/consent/what-consent-is/"
QUIZ_MODULE = "consent"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "600"))
WARMUP = 100


class Budget:
    def __init__(self):
        self.rows: list[tuple[str, str, str, bool]] = []

    def check(self, name: str, value: float, limit: float, unit: str, fmt: str = "{:.2f}") -> None:
        self.rows.append((name, fmt.format(value) + unit, f"< {fmt.format(limit)}{unit}", value <= limit))

    def report(self) -> bool:
        width = max(len(name) for name, *_ in self.rows)
        print()
        for name, value, limit, ok in self.rows:
            print(f"  {name:<{width}}  {value:>12}  budget {limit:<12} {'ok' if ok else 'OVER BUDGET'}")
        return all(ok for *_, ok in self.rows)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_course_load() -> float:
    """Median seconds to load and validate the course and its quizzes from cold, every text rendered.

    Reads, parses and validates every file and reports every content error, as every start does.
    """
    import django

    django.setup()
    from courses.loader import load_course
    from quizzes.loader import load_quizzes

    def load() -> float:
        started = time.perf_counter()
        result = load_course(ROOT / "content")
        quizzes = load_quizzes(result.course, ROOT / "content")
        elapsed = time.perf_counter() - started
        assert result.ok and not quizzes.errors, result.errors + quizzes.errors
        return elapsed

    return statistics.median(load() for _ in range(5))


class Server:
    def __init__(self, env: dict[str, str]):
        self.port = free_port()
        self.env = env
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
        conn = self.connection()
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, body, dict(response.getheaders())


def median_latencies(server: Server, paths: list[str], rounds: int) -> dict[str, float]:
    """Median seconds per path; paths are requested in turn over one keep-alive connection.

    The client keeps the cookies it is given, as a reader's browser does.
    """
    conn = server.connection()
    cookies: dict[str, str] = {}
    samples: dict[str, list[float]] = {path: [] for path in paths}
    for index in range(rounds + WARMUP):
        for path in paths:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    cookies[key] = rest.split(";", 1)[0]
            elapsed = time.perf_counter() - started
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
            if index >= WARMUP:
                samples[path].append(elapsed)
    conn.close()
    return {path: statistics.median(values) for path, values in samples.items()}


class Browser:
    """A keep-alive client that keeps cookies, as a reader's browser does."""

    def __init__(self, server: Server):
        self.conn = server.connection()
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes, float]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        elapsed = time.perf_counter() - started
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, content, elapsed


def _answer_fields(html: str) -> dict:
    """Hidden fields plus a valid answer for whatever question the page shows."""
    fields = dict(re.findall(r'type="hidden" name="([\w-]+)" value="([^"]*)"', html))
    choice = re.search(r'name="choice" value="(\w+)"', html)
    if choice:
        fields["choice"] = choice.group(1)
    for place, name in enumerate(sorted(set(re.findall(r'<select name="(place_\d+)"', html))), start=1):
        fields[name] = str(place)
    return fields


def quiz_step_latency(server: Server, module_id: str, rounds: int) -> tuple[float, float]:
    """Median seconds of answering one quiz step (the POST), and of /healthz in the same loop.

    /healthz goes over its own connection with no cookies, as a load balancer calls it:
    the bare view, never the reader's session, is what the answer is measured against.
    """
    browser = Browser(server)
    bare = Browser(server)
    quiz = f"/modules/{module_id}/quiz/"
    answers, health = [], []
    for index in range(rounds + WARMUP):
        status, html, _ = browser.request("GET", quiz)
        page = html.decode()
        if 'action="' + quiz + 'answer/"' not in page:  # the intro: start (again)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            browser.request("POST", quiz + "start/", {"csrfmiddlewaretoken": token})
            continue
        status, _, elapsed = browser.request("POST", quiz + "answer/", _answer_fields(page))
        if status != 302:
            raise RuntimeError(f"answering a quiz step answered {status}")
        _, _, health_elapsed = bare.request("GET", "/healthz")
        if index >= WARMUP:
            answers.append(elapsed)
            health.append(health_elapsed)
    return statistics.median(answers), statistics.median(health)


def page_weight(server: Server, path: str) -> tuple[int, list[str]]:
    """Compressed bytes of a page and the CSS/JS/icons it loads (HTML gzipped here, as a proxy would)."""
    status, html, _ = server.get(path)
    assert status == 200
    total = len(gzip.compress(html, 9))
    assets = re.findall(rb'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)
    names = []
    for asset in assets:
        status, body, headers = server.get(asset.decode(), headers={"Accept-Encoding": "gzip"})
        assert status == 200, asset
        if headers.get("Content-Encoding") != "gzip":
            body = gzip.compress(body, 9)
        total += len(body)
        names.append(asset.decode())
    return total, names


def production_env(folder: Path) -> dict[str, str]:
    """Production settings on a fresh SQLite file in ``folder``, migrated, with static files collected.

    Redis sessions only when BENCH_REDIS_URL asks for them, so runs compare like with like.
    """
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAUSE_SQLITE_PATH": str(folder / "bench.sqlite3"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "PAUSE_INSECURE_HTTP": "1",  # plain http on loopback: no TLS redirect
    }
    env.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    else:
        env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def main() -> int:
    budget = Budget()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    cold_load = measure_course_load()
    print(f"course + quizzes load from cold (every text rendered) {cold_load * 1000:.0f} ms")
    budget.check("course + quizzes load + validate (cold)", cold_load * 1000, 2000, " ms", "{:.0f}")

    with tempfile.TemporaryDirectory() as tmp:
        env = production_env(Path(tmp))
        with Server(env) as server:
            medians = median_latencies(server, ["/healthz", LESSON], ROUNDS)
            weight, assets = page_weight(server, LESSON)
            quiz_seconds, quiz_health = quiz_step_latency(server, QUIZ_MODULE, ROUNDS // 2)

    ratio = medians[LESSON] / medians["/healthz"]
    print(f"gunicorn, 2 sync workers, DEBUG off, SQLite; {ROUNDS} requests each after {WARMUP} warm-up")
    print(f"  /healthz median {medians['/healthz'] * 1000:.2f} ms; lesson median {medians[LESSON] * 1000:.2f} ms")
    print(f"  lesson page weight counts: the HTML + {', '.join(assets)}")
    budget.check("lesson page / healthz (median)", ratio, 1.5, "x")
    print(
        f"  quiz step (POST) median {quiz_seconds * 1000:.2f} ms; /healthz in the same loop {quiz_health * 1000:.2f} ms"
    )
    budget.check("lesson page weight, compressed", weight / 1024, 100, " KB", "{:.1f}")
    budget.check("quiz step answer / healthz (median)", quiz_seconds / quiz_health, 3, "x")
    return 0 if budget.report() else 1


if __name__ == "__main__":
    sys.exit(main())
