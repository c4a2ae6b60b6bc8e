"""The quiz through Django's test client, on the fixture course's quiz: the way through, and its results."""

import re

import pytest

from quizzes.models import QuizAttempt, QuizResponse
from tests.quiz_client import QUIZ, answer, form_of, play_best, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


def test_the_intro_offers_a_start_and_the_module_links_to_the_quiz(client):
    assert b"Start the quiz" in client.get(QUIZ).content
    assert b'href="/modules/alpha/quiz/"' in client.get("/modules/alpha/").content


def test_a_question_page_never_contains_feedback_scores_or_answers(client):
    start(client)
    html, fields, options, _ = form_of(client)
    for name, value in fields.items():  # the place and the one-time key, as plain hidden fields
        assert f'type="hidden" name="{name}" value="{value}"' in html
    assert "SECRET-FEEDBACK" not in html
    assert "score" not in html.lower()
    assert set(options.values()) == {"1", "2"}  # places on the page, not the author's ids
    assert "ignore" not in re.findall(r'value="([^"]+)"', html)
    answer(client, pick=["Ignore it"])
    answer(client, pick=["Tell a trusted adult"])
    html, *_ = form_of(client)
    assert "Reversible" in html
    assert "SECRET-EXPLANATION" not in html
    assert "reversible" not in html.replace("Reversible", "")


def test_each_answer_shows_its_feedback_and_the_way_on(client):
    start(client)
    response, _ = answer(client, pick=["Reply"])
    assert response.status_code == 302
    assert "/feedback/0/" in response["Location"]
    feedback = client.get(response["Location"]).content.decode()
    assert "SECRET-FEEDBACK-REPLY" in feedback
    assert "You chose:" in feedback
    assert "Reply" in feedback
    assert "See what happens next" in feedback
    html, *_ = form_of(client)
    assert "The stranger asks for a photo." in html
    assert "Part 1 of 6, step 2" in html


def test_the_whole_quiz_to_a_passing_result_and_progress(client):
    start(client)
    play_best(client)
    attempt = QuizAttempt.objects.get()
    # Only the four knowledge checks are scored; the story's two steps carry no points.
    assert attempt.finished
    assert attempt.passed
    assert (attempt.score, attempt.max_score) == (4, 4)
    assert QuizResponse.objects.count() == 7
    assert QuizResponse.objects.get(item_id="think").answer == {}
    assert set(QuizResponse.objects.filter(item_id="story").values_list("score", "max_score")) == {(0, 0)}
    result = client.get(f"{QUIZ}{attempt.public_id}/result/").content.decode()
    assert "4 of 4" in result
    assert "That completes the quiz" in result
    assert "Kim is safe" in result
    assert "Kim can report the account too." in result  # what Kim could do next
    assert "If this is happening to you" not in result  # a safe ending needs no help box
    assert "points" not in result
    assert "You passed" not in result
    assert "fail" not in result.lower()
    progress = client.get("/progress/").content.decode()
    assert "100% (passed)" in progress
    assert "0 of 2" in progress
    assert "Not yet" in progress


def test_a_risky_path_ends_kindly_and_points_to_lessons(client):
    start(client)
    answer(client, pick=["Reply"])
    response, _ = answer(client, pick=["Send one"])
    feedback = client.get(response["Location"]).content.decode()
    assert "Kim is worried" in feedback
    assert "It is not too late." in feedback
    assert "Kim can still tell a trusted adult" in feedback
    assert "If this is happening to you" in feedback
    answer(client, pick=["Ready"])
    answer(client, pick=["Taking no for an answer"])
    answer(client, value="true")
    answer(client, places={"Stop replying": 3, "Keep evidence": 2, "Report it": 1})
    answer(client)
    attempt = QuizAttempt.objects.get()
    assert attempt.finished
    assert not attempt.passed
    assert attempt.score == 0
    result = client.get(f"{QUIZ}{attempt.public_id}/result/").content.decode()
    assert "Lessons worth another look" in result
    assert "/modules/alpha/second-lesson/" in result
    assert "Try again" in result
    # A risky ending: the story is told calmly and the reader is shown where to get help.
    assert "Kim is worried" in result
    assert "If this is happening to you" in result
    assert 'href="/help/in/testland/#services"' in result  # a plain link: the situation stays out of the address
    assert "fail" not in result.lower()


def test_after_a_risky_ending_the_help_box_is_for_the_readers_region(client):
    client.post("/help/", {"region": "testland", "image_age": "under-18"})
    start(client)
    answer(client, pick=["Reply"])
    response, _ = answer(client, pick=["Send one"])
    feedback = client.get(response["Location"]).content.decode()
    assert "If this is happening to you" in feedback
    assert 'call <a href="tel:999"><strong>999</strong></a>' in feedback
    assert "Talk line" in feedback
    assert "All help in Testland" in feedback
