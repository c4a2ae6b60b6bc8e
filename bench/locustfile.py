"""Load-test journeys for Pause, run by bench/loadtest.py (`make loadtest`) against gunicorn on loopback.

- Visitor: reads the home page, the catalogue, a module, some of its lessons, help and the law cards.
- Student: takes a module's quiz as a visitor (no account needed): start, answer every question, see the result.
- Teacher: signs in as demo-teacher (made by `manage.py seed_demo --force`) and opens their classes.

Each request is named "<journey>: <page>"; a journey's own time is the sum of its requests'
times (the pauses between pages, a reader reading, are not counted). When the test stops,
a JSON summary per journey goes to the file named by LOADTEST_SUMMARY.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.stats import StatsEntry

from tools.http import Fields
from tools.http import answer_fields as tools_answer_fields

TEACHER_USERNAME = "demo-teacher"
TEACHER_PASSWORD = "demo-pass-123"  # noqa: S105 (the public demo account that seed_demo makes)

JOURNEYS = {"visitor": "visitor reading", "student": "student quiz", "teacher": "teacher classes"}
journey_times: dict[str, list[float]] = defaultdict(list)
journeys_failed: dict[str, int] = defaultdict(int)


class JourneyFailed(Exception):
    pass


class Journey:
    """One run through a journey: names its requests and adds up their times."""

    def __init__(self, user: PauseUser, journey: str):
        self.user, self.journey, self.elapsed_ms = user, journey, 0.0

    def request(self, method: str, path: str, page: str, *, data: dict | None = None, expect=(200,)) -> str:
        name = f"{JOURNEYS[self.journey]}: {page}"
        # Encoded here: a checkbox question sends one field several times, which the client's own encoding drops.
        body = urlencode(data, doseq=True) if data is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if data is not None else None
        with self.user.client.request(
            method, path, name=name, data=body, headers=headers, catch_response=True
        ) as response:
            self.elapsed_ms += response.request_meta["response_time"]
            if response.status_code not in expect:
                said = re.search(r"<h1>[^<]*</h1>\s*<p>([^<]*)</p>", response.text or "")
                response.failure(f"{method} {path} answered {response.status_code}: {said.group(1) if said else ''}")
                raise JourneyFailed(name)
            return response.text or ""

    def think(self) -> None:
        self.user.wait_briefly()

    def __enter__(self) -> Journey:
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if exc is None:
            journey_times[self.journey].append(self.elapsed_ms)
        elif isinstance(exc, JourneyFailed):
            journeys_failed[self.journey] += 1
            return True  # the failed request is already counted; start the next journey
        return False


class PauseUser(FastHttpUser):
    abstract = True
    wait_time = between(1, 3)  # between journeys

    def wait_briefly(self) -> None:
        self._sleep(random.uniform(0.3, 1.0))  # noqa: S311 (timing jitter, not security)

    def _sleep(self, seconds: float) -> None:
        import gevent

        gevent.sleep(seconds)


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(f'href="({pattern})"', html)))


def csrf(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise JourneyFailed("no CSRF token on the page")
    return match.group(1)


class Visitor(PauseUser):
    weight = 6

    @task
    def read(self) -> None:
        with Journey(self, "visitor") as journey:
            journey.request("GET", "/", "home")
            journey.think()
            modules = links(journey.request("GET", "/modules/", "catalogue"), r"/modules/[\w-]+/")
            journey.think()
            module = random.choice(modules)  # noqa: S311
            lessons = [
                link
                for link in links(journey.request("GET", module, "module"), re.escape(module) + r"[\w-]+/")
                if not link.endswith(("/quiz/", "/teacher-notes/"))
            ]
            for lesson in lessons[:3]:
                journey.think()
                journey.request("GET", lesson, "lesson")
            journey.think()
            journey.request("GET", "/help/", "help")
            journey.think()
            cards = links(journey.request("GET", "/law/", "law cards"), r"/law/[\w-]+/")
            if cards:
                journey.think()
                journey.request("GET", random.choice(cards), "law card")  # noqa: S311


class Student(PauseUser):
    weight = 3
    modules: list[str] = []

    def on_start(self) -> None:
        html = self.client.get("/modules/", name="student quiz: catalogue").text or ""
        self.modules = links(html, r"/modules/[\w-]+/")

    @task
    def take_a_quiz(self) -> None:
        quiz = random.choice(self.modules) + "quiz/"  # noqa: S311
        with Journey(self, "student") as journey:
            page = journey.request("GET", quiz, "quiz intro")
            if f'action="{quiz}answer/"' not in page:
                page = journey.request("POST", quiz + "start/", "start", data={"csrfmiddlewaretoken": csrf(page)})
            answer_form = f'action="{quiz}answer/"'
            for _ in range(60):  # a quiz has far fewer stations; a bound all the same
                if answer_form not in page:
                    raise JourneyFailed("expected a question")
                journey.think()
                # Redirects are followed: to the answer's feedback, the next question or the results.
                page = journey.request("POST", quiz + "answer/", "answer", data=answer_fields(page))
                if "Your results" in page:
                    return
                result = re.search(r'href="(/modules/[\w-]+/quiz/[0-9a-f-]+/result/)"', page)
                if result:
                    journey.think()
                    page = journey.request("GET", result.group(1), "result")
                    if "Your results" not in page:
                        raise JourneyFailed("no results page")
                    return
                if answer_form not in page:  # a feedback page: on to the next question
                    journey.think()
                    page = journey.request("GET", quiz, "next question")
            raise JourneyFailed("the quiz never reached its results")


def answer_fields(html: str) -> Fields:
    """The question's hidden fields plus a random valid answer (tools/http.py, with this user's dice)."""
    return tools_answer_fields(html, random.Random())  # noqa: S311 (load, not secrets)


class Teacher(PauseUser):
    weight = 1

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="teacher classes: sign-in page").text or ""
        fields = {"csrfmiddlewaretoken": csrf(page), "username": TEACHER_USERNAME, "password": TEACHER_PASSWORD}
        # Signing in redirects; a refused sign-in shows the form again with 200.
        with self.client.post(
            "/accounts/login/", data=fields, name="teacher classes: sign in", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"demo-teacher could not sign in ({response.status_code})")

    @task
    def open_classes(self) -> None:
        with Journey(self, "teacher") as journey:
            classes = links(journey.request("GET", "/teach/", "my classes"), r"/teach/classes/\d+/")
            if not classes:
                raise JourneyFailed("no class link on /teach/")
            journey.think()
            journey.request("GET", classes[0], "class page")


@events.quitting.add_listener
def write_summary(environment, **kwargs) -> None:
    path = os.environ.get("LOADTEST_SUMMARY")
    if not path:
        return
    summary: dict[str, dict[str, Any]] = {}
    for key, title in JOURNEYS.items():
        merged = StatsEntry(environment.stats, title, "", use_response_times_cache=False)
        for entry in environment.stats.entries.values():
            if entry.name.startswith(title + ":"):
                merged.extend(entry)
        times = sorted(journey_times[key])
        summary[title] = {
            "requests": merged.num_requests,
            "failures": merged.num_failures,
            "p50_ms": merged.get_response_time_percentile(0.5) if merged.num_requests else None,
            "p95_ms": merged.get_response_time_percentile(0.95) if merged.num_requests else None,
            "journeys": len(times),
            "journeys_failed": journeys_failed[key],
            "journey_p50_ms": round(times[len(times) // 2]) if times else None,
            "journey_p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))]) if times else None,
        }
    total = environment.stats.total
    summary["all"] = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "p50_ms": total.get_response_time_percentile(0.5) if total.num_requests else None,
        "p95_ms": total.get_response_time_percentile(0.95) if total.num_requests else None,
        "rps": round(total.total_rps, 1),
        "errors": [f"{e.method} {e.name}: {e.error} x{e.occurrences}" for e in environment.stats.errors.values()],
    }
    with open(path, "w") as file:
        json.dump(summary, file, indent=2)
