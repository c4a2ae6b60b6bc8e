"""Anonymous writes are bounded (security review F23): a visitor's "Start" reuses their unfinished
attempt, and one browser session starts at most VISITOR_STARTS_PER_SESSION attempts."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from quizzes import services
from quizzes.models import QuizAttempt

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

START = "/modules/alpha/quiz/start/"


def test_starting_again_continues_the_visitors_unfinished_attempt(client):
    for _ in range(5):  # a double click, the back button, a second tab
        response = client.post(START)
        assert response.status_code == 302
        assert response["Location"] == "/modules/alpha/quiz/"
    assert QuizAttempt.objects.count() == 1
    page = client.get("/modules/alpha/quiz/").content.decode()
    assert str(QuizAttempt.objects.get().public_id) in page  # the one attempt is the one being taken


def test_a_visitor_session_starts_only_so_many_attempts(client, monkeypatch):
    monkeypatch.setattr(services, "VISITOR_STARTS_PER_SESSION", 2)
    for _ in range(2):
        assert client.post(START).status_code == 302
        QuizAttempt.objects.filter(submitted_at__isnull=True).update(submitted_at=timezone.now())  # finished
    refused = client.post(START)
    assert refused.status_code == 429
    assert "Sign in to keep going" in refused.content.decode()
    assert QuizAttempt.objects.count() == 2
    # Another visitor (another session) is not affected.
    client.cookies.clear()
    assert client.post(START).status_code == 302
    assert QuizAttempt.objects.count() == 3


def test_a_signed_in_learner_is_not_limited(client, monkeypatch):
    monkeypatch.setattr(services, "VISITOR_STARTS_PER_SESSION", 1)
    client.force_login(get_user_model().objects.create_user("maple-otter-27", role="student"))
    for _ in range(3):
        assert client.post(START).status_code == 302
        QuizAttempt.objects.filter(submitted_at__isnull=True).update(submitted_at=timezone.now())
    assert QuizAttempt.objects.count() == 3
