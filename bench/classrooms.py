"""The teacher's class page and CSV export at scale, measured in one run on this machine.

    make bench      (runs bench/run.py, then this)

Starts gunicorn (production settings, 2 sync workers, a fresh SQLite file),
seeds classes of 30, 300 and 1,000 students with varied progress, signs in as
their teacher and measures, alternating requests over one keep-alive
connection so both see the same conditions:

- the class page's median latency for 300 students over 30: budget <= 4
  (the page makes the same number of queries for both; what grows is rows);
- the CSV export of 1,000 students: reported, with its rows per second.

Exits 1 when a budget is missed. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import ROOT, Browser, Budget, Server, production_env

ROUNDS = int(os.environ.get("BENCH_CLASS_ROUNDS", "60"))
WARMUP = 5


def sign_in(server: Server) -> Browser:
    browser = Browser(server)
    _, html, _ = browser.request("GET", "/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    status, _, _ = browser.request(
        "POST",
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": "bench-teacher@example.org", "password": "bench-pass-123"},
    )
    if status != 302:
        raise RuntimeError(f"signing in answered {status}")
    return browser


def main() -> int:
    budget = Budget()
    with tempfile.TemporaryDirectory() as tmp:
        env = production_env(Path(tmp))
        seeded = subprocess.run(
            [sys.executable, "bench/seed_classes.py"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
        ids = dict(line.split("=") for line in seeded.split())
        with Server(env) as server:
            browser = sign_in(server)
            small, large = f"/teach/classes/{ids['bench-30']}/", f"/teach/classes/{ids['bench-300']}/"
            samples: dict[str, list[float]] = {small: [], large: []}
            for index in range(ROUNDS + WARMUP):
                for path in (small, large):
                    status, body, elapsed = browser.request("GET", path)
                    if status != 200:
                        raise RuntimeError(f"{path} answered {status}")
                    if index >= WARMUP:
                        samples[path].append(elapsed)
            csv_path = f"/teach/classes/{ids['bench-1000']}/progress.csv"
            csv_times = []
            for _ in range(5):
                status, body, elapsed = browser.request("GET", csv_path)
                if status != 200:
                    raise RuntimeError(f"the CSV export answered {status}")
                csv_times.append(elapsed)
            rows = body.count(b"\n") - 1
    small_ms, large_ms = (statistics.median(samples[p]) * 1000 for p in (small, large))
    csv_ms = statistics.median(csv_times) * 1000
    print(f"gunicorn, 2 sync workers, DEBUG off, SQLite; class pages {ROUNDS} requests each after {WARMUP} warm-up")
    print(f"  class page, 30 students: median {small_ms:.1f} ms; 300 students: median {large_ms:.1f} ms")
    print(f"  CSV export, {rows} students x 3 modules: median {csv_ms:.0f} ms ({rows / csv_ms * 1000:.0f} rows/s)")
    budget.check("class page 300 students / 30 (median)", large_ms / small_ms, 4, "x")
    budget.check("CSV export, 1,000 students", csv_ms, 5000, " ms", "{:.0f}")
    return 0 if budget.report() else 1


if __name__ == "__main__":
    sys.exit(main())
