"""Quizzes that feel fair: a counter that never moves during an attempt, the question as the page's
heading, ordering by Move up / Move down without JavaScript, and the last lesson leading to the quiz."""

import re
from typing import Any

import pytest

from core.hooks import module_links
from quizzes.links import quiz_links
from quizzes.models import QuizResponse
from tests.quiz_client import QUIZ, answer, form_of, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

PARTS = 6  # the fixture quiz: a story, four knowledge checks, a reflection


def where(html: str) -> str:
    match = re.search(r'<span id="where">([^<]+)</span>', html)
    assert match, "the page has no counter"
    return match.group(1)


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert match, "the page has no h1"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def to_ordering(client):
    start(client)
    answer(client, pick=["Ignore it"])
    answer(client, pick=["Tell a trusted adult"])
    answer(client, pick=["Reversible"])
    answer(client, pick=["Asking again and again", "Guilt trips"])
    answer(client, value="false")


@pytest.mark.parametrize(
    "story",
    [["Ignore it", "Tell a trusted adult"], ["Reply", "Say no and stop replying", "Tell a trusted adult"]],
    ids=["two-steps", "three-steps"],  # the story's paths differ in length; the counter does not
)
def test_the_counter_is_the_same_on_every_page_of_an_attempt(client, story):
    start(client)
    for step, choice in enumerate(story, start=1):
        html, *_ = form_of(client)
        assert where(html) == f"Part 1 of {PARTS}, step {step}"
        response, _ = answer(client, pick=[choice])
        feedback = client.get(response["Location"]).content.decode()
        assert where(feedback) == f"Part 1 of {PARTS}, step {step}"  # the feedback agrees with its question
    replies: list[dict[str, Any]] = [{"pick": ["Reversible"]}, {"pick": ["Guilt trips"]}, {"value": "true"}]
    for part, reply in enumerate(replies, start=2):
        html, *_ = form_of(client)
        assert where(html) == f"Part {part} of {PARTS}"
        assert f'max="{PARTS}" value="{part - 1}"' in html  # the bar: parts done
        response, _ = answer(client, **reply)
        assert where(client.get(response["Location"]).content.decode()) == f"Part {part} of {PARTS}"
    html, *_ = form_of(client)
    assert where(html) == f"Part 5 of {PARTS}"
    assert "of about" not in html


def test_the_question_is_the_heading_and_the_quiz_title_a_line_above(client):
    start(client)
    answer(client, pick=["Ignore it"])
    answer(client, pick=["Tell a trusted adult"])
    html, *_ = form_of(client)
    assert h1(html) == "What does the R stand for?"
    assert html.count("<h1") == 1
    assert html.index("Alpha quiz") < html.index("<h1")
    response, _ = answer(client, pick=["Ready"])
    feedback = client.get(response["Location"]).content.decode()
    assert h1(feedback) == "What does the R stand for?"
    assert re.search(r"<h2[^>]*>Not quite</h2>", feedback)
    assert feedback.index("Alpha quiz") < feedback.index("<h1")
    # A true-or-false statement and a reflection's prompt are their pages' headings too.
    answer(client, pick=["Guilt trips"])
    assert h1(form_of(client)[0]) == "Deleting a photo deletes every copy."
    answer(client, value="false")
    answer(client, places={"Stop replying": 1, "Keep evidence": 2, "Report it": 3})
    assert h1(form_of(client)[0]) == "What would you say to Kim?"


def test_a_story_step_keeps_the_story_title_as_its_heading(client):
    start(client)
    html, *_ = form_of(client)
    assert h1(html) == "Kim gets a message"
    response, _ = answer(client, pick=["Ignore it"])
    assert h1(client.get(response["Location"]).content.decode()) == "Kim gets a message"


def test_moving_a_step_without_javascript_redraws_the_list_and_records_nothing(client):
    to_ordering(client)
    html, fields, _, steps = form_of(client)
    assert "<select" not in html
    shown = re.findall(r'name="order" value="(\d)"', html)
    assert sorted(shown) == ["1", "2", "3"]
    text_of = {token: text for text, token in steps.items()}
    last = shown[-1]
    data = {**fields, "order": shown, "move": f"up:{last}"}
    moved = client.post(QUIZ + "answer/", data)
    assert moved.status_code == 200
    page = moved.content.decode()
    assert re.findall(r'name="order" value="(\d)"', page) == [shown[0], last, shown[1]]
    assert f"Moved “{text_of[last]}” to position 2 of 3." in page
    assert re.search(rf'value="up:{last}"[^>]*autofocus', page)  # focus comes back to the moved step
    assert QuizResponse.objects.count() == 5  # the story's two steps and three checks: not the move
    # Moving the first step up changes nothing and says so.
    again = client.post(QUIZ + "answer/", {**fields, "order": shown, "move": f"up:{shown[0]}"}).content.decode()
    assert re.findall(r'name="order" value="(\d)"', again) == shown
    assert f"“{text_of[shown[0]]}” is already first." in again
    assert QuizResponse.objects.count() == 5


def test_the_ordering_answer_is_the_order_shown_and_is_recorded_once(client):
    to_ordering(client)
    _, fields, _, steps = form_of(client)
    right = [steps[text] for text in ("Stop replying", "Keep evidence", "Report it")]
    # Moves first (as the buttons would send them), then the answer, with the same page's key.
    client.post(QUIZ + "answer/", {**fields, "order": right[::-1], "move": f"down:{right[0]}"})
    data = {**fields, "order": right}
    response = client.post(QUIZ + "answer/", data)
    assert response.status_code == 302
    again = client.post(QUIZ + "answer/", data)  # a double click
    assert again["Location"] == response["Location"]
    recorded = QuizResponse.objects.filter(item_id="order")
    assert recorded.count() == 1
    assert recorded.get().answer == {"order": ["stop", "keep", "report"]}
    assert recorded.get().correct is True
    feedback = client.get(response["Location"]).content.decode()
    assert h1(feedback) == "Put these in order."
    assert "That’s right" in feedback


def test_the_last_lessons_mark_as_done_leads_to_the_quiz(client):
    client.post("/modules/alpha/first-lesson/done/")
    response = client.post("/modules/alpha/second-lesson/done/")
    assert response["Location"] == "/modules/alpha/quiz/"
    page = client.get(response["Location"]).content.decode()
    assert "is marked as done" in page
    assert "Start the quiz" in page


def test_without_a_quiz_the_last_lesson_leads_to_the_module(client):
    module_links.unregister(quiz_links)
    try:
        assert client.post("/modules/alpha/second-lesson/done/")["Location"] == "/modules/alpha/"
    finally:
        module_links.register(quiz_links)
