"""The teacher's class page and CSV export at scale, measured in one run on this machine.

    make bench          (or: .venv/bin/python -m bench.classrooms)

Starts gunicorn (the project's config, production settings, 2 sync workers, a fresh SQLite
file), seeds classes of 30, 300 and 1,000 students with varied progress, signs in as their
teacher and measures, alternating requests over one keep-alive connection so both see the
same conditions:

- the class page's median latency for 300 students over 30: budget ≤ 2×;
- the number of database queries each class page makes (counted in a separate process
  through Django's test client): budget, the same for 300 as for 30;
- the CSV export of 1,000 students: budget < 5 s, with its rows per second.

Exits 1 when a budget is missed. Every request goes to 127.0.0.1 only.
BENCH_CLASS_ROUNDS sets the number of requests per class page (60).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import TEACHER_EMAIL, Budget, median_ms, production_site, seed_classes, sign_in
from tools.servers import ROOT, Gunicorn

ROUNDS = int(os.environ.get("BENCH_CLASS_ROUNDS", "60"))
WARMUP = 5


def query_counts(env: dict[str, str], paths: list[str]) -> dict[str, int]:
    """Database queries each page makes for the signed-in teacher, counted in another process."""
    completed = subprocess.run(  # noqa: S603 (this interpreter running the counting module)
        [sys.executable, "-m", "bench.count_queries", TEACHER_EMAIL, *paths],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    counts: dict[str, int] = json.loads(completed.stdout)
    return counts


def main() -> int:
    budget = Budget()
    with tempfile.TemporaryDirectory(prefix="pause-bench-") as tmp:
        env = production_site(Path(tmp))
        ids = seed_classes(env, 30, 300, 1000)
        small, large = f"/teach/classes/{ids[30]}/", f"/teach/classes/{ids[300]}/"
        csv_path = f"/teach/classes/{ids[1000]}/progress.csv"
        queries = query_counts(env, [small, large])
        with Gunicorn(env, workers=2) as server:
            browser = sign_in(server.port)
            samples: dict[str, list[float]] = {small: [], large: []}
            for index in range(ROUNDS + WARMUP):
                for path in (small, large):
                    page = browser.get(path)
                    if page.status != 200:
                        raise RuntimeError(f"{path} answered {page.status}")
                    if index >= WARMUP:
                        samples[path].append(page.seconds)
            csv_times = []
            for _ in range(5):
                export = browser.get(csv_path)
                if export.status != 200:
                    raise RuntimeError(f"the CSV export answered {export.status}")
                csv_times.append(export.seconds)
            rows = export.body.count(b"\n") - 1
    small_ms, large_ms, csv_ms = median_ms(samples[small]), median_ms(samples[large]), median_ms(csv_times)
    print(f"gunicorn, 2 sync workers, DEBUG off, SQLite; class pages {ROUNDS} requests each after {WARMUP} warm-up")
    print(f"  class page,  30 students: median {small_ms:7.1f} ms, {queries[small]} queries")
    print(f"  class page, 300 students: median {large_ms:7.1f} ms, {queries[large]} queries")
    print(f"  CSV export, {rows} students: median {csv_ms:.0f} ms ({rows / csv_ms * 1000:.0f} rows/s)")
    budget.check("class page 300 students / 30 (median)", large_ms / small_ms, 2, "×")
    budget.check("class page queries, 300 students − 30", queries[large] - queries[small], 0, "", "{:.0f}")
    budget.check("CSV export, 1,000 students", csv_ms, 5000, " ms", "{:.0f}", below=True)
    return 0 if budget.report() else 1


if __name__ == "__main__":
    sys.exit(main())
