"""The marker walk: a student's story choice and answer never reach their teacher, school admin or parent.

A student makes choices whose ids and labels are unique strings (the markers), through the real quiz
pages. Then their teacher, school admin and linked parent GET every URL the permission walk knows
(its route table and sample arguments, so a new route is walked here too), downloads included, and
the test fails if a marker shows up. The labels are course text and may appear where the course is
shown, so a label counts only where it was absent before the student answered; an id never appears
on a page, so it may appear nowhere. The student's own download must hold them all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from courses import registry as course_registry
from quizzes.models import QuizResponse
from tests import quiz_client
from tests.classroom_world import World, build_world
from tests.conftest import VALID_CONTENT
from tests.integration.test_permissions import url_for, url_names, walk_samples

pytestmark = pytest.mark.django_db

# In the fixture course's quiz: Kim's story (reply, then send) and the single-choice question.
MARKED = {
    "id: reply\n": "id: zq-marker-reply\n",
    "text: Reply\n": "text: Zq marker reply\n",
    "id: send\n": "id: zq-marker-send\n",
    "text: Send one\n": "text: Zq marker send\n",
    "{id: ready, text: Ready}": "{id: zq-marker-ready, text: Zq marker ready}",
}
IDS = ("zq-marker-reply", "zq-marker-send", "zq-marker-ready")
LABELS = ("Zq marker reply", "Zq marker send", "Zq marker ready")
ADULTS = ("teacher", "admin", "parent")


@pytest.fixture
def marked_course(settings, tmp_path: Path):
    root = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, root)
    quiz = root / "modules" / "alpha" / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    for old, new in MARKED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    quiz.write_text(text, encoding="utf-8")
    settings.PAUSE_CONTENT_DIR = root
    course_registry.reset()
    yield
    course_registry.reset()


def body(response: Any) -> str:
    """A page's or a download's text (a CSV streams, and starts with a byte-order mark)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def walk(world: World, samples: dict, role: str) -> dict[str, str]:
    """Every route the permission walk knows, as ``role`` (one of school A's adults): url -> what came back."""
    client = Client()
    client.force_login({"teacher": world.a.teacher, "admin": world.a.admin, "parent": world.a.parent}[role])
    seen = {}
    for name, pattern in url_names():
        if name.startswith("admin:"):
            continue
        url = url_for(name, pattern, samples)
        seen[url] = body(client.get(url))
    return seen


def answer_with_markers(client: Client) -> None:
    """In a started attempt: Kim replies to the stranger and sends a photo; then the wrong option to the single
    question."""
    quiz_client.answer(client, pick=["Zq marker reply"])
    quiz_client.answer(client, pick=["Zq marker send"])
    quiz_client.answer(client, pick=["Zq marker ready"])
    quiz_client.answer(client, pick=["Asking again and again"])
    quiz_client.answer(client, value="true")
    quiz_client.answer(client, places={"Stop replying": 1, "Keep evidence": 2, "Report it": 3})
    quiz_client.answer(client)  # the reflection: nothing is sent


def test_no_adult_page_or_download_shows_a_students_choices(marked_course):
    world = build_world()
    student = Client()
    student.force_login(world.a.student)
    quiz_client.start(student)  # an attempt to name in the walk's URLs, before any answer
    attempt = world.a.student.quiz_attempts.get()
    samples = walk_samples(world, attempt)
    before = {role: walk(world, samples, role) for role in ADULTS}

    answer_with_markers(student)
    stored = {json.dumps(answer) for answer in QuizResponse.objects.values_list("answer", flat=True)}
    assert {marker for marker in IDS if any(marker in answer for answer in stored)} == set(IDS)
    leaks = []
    for role in ADULTS:
        for url, text in walk(world, samples, role).items():
            earlier = before[role].get(url, "")
            leaks += [f"{role} GET {url}: {marker}" for marker in IDS if marker in text]
            leaks += [f"{role} GET {url}: {label}" for label in LABELS if label in text and label not in earlier]
    assert leaks == []

    own = student.get("/me/data.json")
    assert own.status_code == 200
    mine = body(own)
    assert [marker for marker in IDS if marker in mine] == list(IDS)


def test_the_walk_reaches_the_downloads(marked_course):
    """The walk above really fetched the CSV and the teacher's JSON download, with the student in them."""
    world = build_world()
    student = Client()
    student.force_login(world.a.student)
    quiz_client.start(student)
    answer_with_markers(student)
    seen = walk(world, walk_samples(world, world.a.student.quiz_attempts.get()), "teacher")
    csv = seen[f"/teach/classes/{world.a.classroom.pk}/progress.csv"]
    assert world.a.student.username in csv
    data = json.loads(seen[f"/teach/classes/{world.a.classroom.pk}/students/{world.a.student.pk}/data.json"])
    assert data["account"]["username"] == world.a.student.username
    assert data["modules"][0]["best_quiz_percent"] is not None
