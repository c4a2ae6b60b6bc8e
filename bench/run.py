"""The reader's budgets, measured in one run on this machine (DESIGN.md, "Budgets").

    make bench          (or: .venv/bin/python -m bench.run)

Starts gunicorn (the project's config, production settings, 2 sync workers, a fresh SQLite
file) on a free loopback port and measures, with one keep-alive client sending requests in
turn so both sides of a ratio see the same conditions:

- the lesson page's median latency over /healthz/app's (a bare Django view through the same
  middleware; /healthz itself is answered before the middleware, for load balancers): budget ≤ 2×;
- answering one quiz step (the POST that records it) over /healthz/app: budget ≤ 3×;
- downloading a module pack's PDF, once built (manage.py build_packs, as at deploy), over
  /healthz/app's: budget ≤ 3× (a class of thirty downloading it costs about what a static file does);
- the bytes of a lesson page with its CSS, JS, fonts and pictures, compressed, all from
  this site: budget < 100 KB;
- loading and validating the whole course and its quizzes from cold, every text rendered:
  budget < 2 s.

Prints each figure with its budget, one line each, so two runs (before and after a change)
can be compared side by side. Exits 1 when a budget is missed. Every request goes to
127.0.0.1 only. BENCH_ROUNDS sets the number of requests per figure (600).
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Budget, production_site
from tools.http import Browser, answer_fields, csrf_token
from tools.servers import ROOT, Gunicorn, manage

LESSON = "/modules/consent/what-consent-is/"
QUIZ_MODULE = "consent"
PACK_PDF = "/modules/consent/pack.pdf"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "600"))
WARMUP = 100
COLD_LOADS = 5


def course_load_seconds() -> float:
    """Median seconds to load and validate the course and its quizzes from cold, every text rendered.

    Reads, parses and validates every file and reports every content error, as every start does.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")  # a developer's tool: no production secrets here
    import django

    django.setup()
    from courses.loader import load_course
    from quizzes.loader import load_quizzes

    def load() -> float:
        started = time.perf_counter()
        result = load_course(ROOT / "content")
        assert result.course is not None, result.errors
        quizzes = load_quizzes(result.course, ROOT / "content")
        elapsed = time.perf_counter() - started
        assert result.ok, result.errors
        assert not quizzes.errors, quizzes.errors
        return elapsed

    return statistics.median(load() for _ in range(COLD_LOADS))


# The bare view every figure is set beside: a Django view through the whole middleware stack.
BARE = "/healthz/app"


def page_and_health(server: Gunicorn, path: str, rounds: int) -> tuple[float, float]:
    """Median seconds of ``path`` and of /healthz, requested in turn over one keep-alive connection.

    The page's client keeps the cookies it is given, as a reader's browser does; /healthz goes
    over its own connection with no cookies, as a load balancer calls it.
    """
    reader, bare = Browser(server.port, keep_alive=True), Browser(server.port, keep_alive=True)
    pages, health = [], []
    for index in range(rounds + WARMUP):
        page = reader.get(path)
        check = bare.get(BARE)
        if page.status != 200 or check.status != 200:
            raise RuntimeError(f"{path} answered {page.status}, {BARE} {check.status}")
        if index >= WARMUP:
            pages.append(page.seconds)
            health.append(check.seconds)
    return statistics.median(pages), statistics.median(health)


def answer_and_health(server: Gunicorn, module_id: str, rounds: int) -> tuple[float, float]:
    """Median seconds of answering one quiz step (the POST), and of /healthz in the same loop."""
    reader, bare = Browser(server.port, keep_alive=True), Browser(server.port, keep_alive=True)
    quiz = f"/modules/{module_id}/quiz/"
    answers: list[float] = []
    health: list[float] = []
    index = 0
    while len(answers) < rounds:
        page = reader.get(quiz).text
        if f'action="{quiz}answer/"' not in page:  # the intro or the result: start (again)
            started = reader.post(quiz + "start/", {"csrfmiddlewaretoken": csrf_token(page)})
            if started.status == 429:  # a visitor's session starts only so many attempts: be a new visitor
                reader = Browser(server.port, keep_alive=True)
            continue
        answer = reader.post(quiz + "answer/", answer_fields(page))
        if answer.status != 302:
            raise RuntimeError(f"answering a quiz step answered {answer.status}")
        check = bare.get(BARE)
        index += 1
        if index > WARMUP:
            answers.append(answer.seconds)
            health.append(check.seconds)
    return statistics.median(answers), statistics.median(health)


def page_weight(server: Gunicorn, path: str) -> tuple[int, list[str], list[str]]:
    """Compressed bytes of a page and everything it loads; what it loads, and what is from another host.

    The HTML is gzipped here, as the TLS proxy would; static files are sent compressed by the site.
    """
    browser = Browser(server.port)
    html = browser.get(path).body
    total = len(gzip.compress(html, 9))
    references = re.findall(rb'<(?:link|script|img|source)[^>]+(?:href|src|srcset)="([^"]+)"', html)
    references += re.findall(rb"url\(([^)]+)\)", html)
    local, offsite = [], []
    for reference in sorted({ref.decode().strip("'\"") for ref in references}):
        if reference.startswith(("http:", "https:", "//")):
            offsite.append(reference)
            continue
        if not reference.startswith("/static/"):
            continue
        asset = browser.get(reference, headers={"Accept-Encoding": "gzip"})
        if asset.status != 200:
            raise RuntimeError(f"{reference} answered {asset.status}")
        body = asset.body if asset.headers.get("content-encoding") == "gzip" else gzip.compress(asset.body, 9)
        total += len(body)
        local.append(reference)
    return total, local, offsite


def main() -> int:
    budget = Budget()
    load = course_load_seconds()

    with tempfile.TemporaryDirectory(prefix="pause-bench-") as tmp:
        env = production_site(Path(tmp))
        manage(env, "build_packs", "consent")
        with Gunicorn(env, workers=2) as server:
            lesson, lesson_health = page_and_health(server, LESSON, ROUNDS)
            pack, pack_health = page_and_health(server, PACK_PDF, ROUNDS // 2)
            answer, answer_health = answer_and_health(server, QUIZ_MODULE, ROUNDS // 2)
            weight, assets, offsite = page_weight(server, LESSON)

    print(f"gunicorn (config/gunicorn.conf.py), 2 sync workers, DEBUG off, SQLite; after {WARMUP} warm-up requests:")
    print(f"  lesson page     median {lesson * 1000:7.2f} ms   {BARE} beside it {lesson_health * 1000:6.2f} ms"
          f"   ({ROUNDS} each)")  # fmt: skip
    print(f"  quiz step POST  median {answer * 1000:7.2f} ms   {BARE} beside it {answer_health * 1000:6.2f} ms"
          f"   ({ROUNDS // 2} each)")  # fmt: skip
    print(f"  pack PDF        median {pack * 1000:7.2f} ms   {BARE} beside it {pack_health * 1000:6.2f} ms"
          f"   ({ROUNDS // 2} each)")  # fmt: skip
    print(f"  lesson page weight: the HTML + {', '.join(assets)}")
    print(f"  course + quizzes, cold load: median of {COLD_LOADS}, {load * 1000:.0f} ms")
    budget.check("lesson page / bare view (median)", lesson / lesson_health, 2, "×")
    budget.check("quiz step answer / bare view (median)", answer / answer_health, 3, "×")
    budget.check("pack PDF download (built) / bare view (median)", pack / pack_health, 3, "×")
    budget.check("lesson page weight, compressed", weight / 1024, 100, " KB", "{:.1f}", below=True)
    budget.check("requests to other hosts from a lesson", len(offsite), 0, "", "{:.0f}")
    budget.check("course + quizzes load + validate (cold)", load * 1000, 2000, " ms", "{:.0f}", below=True)
    return 0 if budget.report() else 1


if __name__ == "__main__":
    sys.exit(main())
