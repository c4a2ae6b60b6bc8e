"""Practice checks in a lesson: answered without JavaScript by a POST that writes nothing anywhere."""

import logging
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

LESSON = reverse("courses:lesson", args=["alpha", "first-lesson"])
CHECK = reverse("courses:lesson-check", args=["alpha", "first-lesson"])


def _shown_feedback(page: str) -> list[str]:
    """The feedback blocks the page shows (not hidden), as their data-option (or 'missing')."""
    shown = []
    for tag in re.findall(r'<(?:div|p) class="practice-answer[^"]*"[^>]*>', page):
        if " hidden" not in tag:
            option = re.search(r'data-option="([^"]+)"', tag)
            shown.append(option[1] if option else "missing")
    return shown


def _every_row_count() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_the_lesson_shows_each_check_as_a_form_in_its_place(client):
    page = client.get(LESSON).content.decode()
    body = page[page.index('class="lesson-body"') :]
    assert body.index("Start here") < body.index('id="check-whose-fault"') < body.index("Some more text")
    assert body.index("Some more text") < body.index('id="check-too-late"') < body.index("It is not your fault")
    form = re.search(r'<form method="post" action="([^"]+)" class="practice-check" id="check-whose-fault"', page)
    assert form
    assert form[1] == f"{CHECK}#check-whose-fault"
    assert "<legend>" in page
    assert "Whose fault is it when a private photo is shared without consent?</legend>" in page
    assert page.count('type="radio" name="answer"') == 4  # two options, then True and False
    assert _shown_feedback(page) == []  # nothing is shown before an answer
    assert 'src="/static/js/practice.js"' in page


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("sharer", "Yes. Sharing without consent is the harm"),
        ("pictured", "No. The person in the photo did nothing wrong"),
    ],
)
def test_an_answer_comes_back_with_its_feedback_at_the_check(client, answer, says):
    response = client.post(CHECK, {"check": "whose-fault", "answer": answer})
    assert response.status_code == 200
    page = response.content.decode()
    assert _shown_feedback(page) == [answer]
    block = re.search(rf'data-option="{answer}">(.*?)</div>', page, re.S)
    assert block
    assert says in block[1]
    assert re.search(rf'value="{answer}" id="check-whose-fault-{answer}" checked>', page)
    assert page.count(" checked>") == 1  # the other check is untouched


def test_a_true_false_check_answers_too(client):
    page = client.post(CHECK, {"check": "too-late", "answer": "true"}).content.decode()
    assert _shown_feedback(page) == ["true"]
    assert "It is never too late. Tell a trusted adult today." in page


def test_no_answer_is_asked_for_kindly_not_refused(client):
    response = client.post(CHECK, {"check": "whose-fault"})
    assert response.status_code == 200
    assert _shown_feedback(response.content.decode()) == ["missing"]
    assert "Choose an answer first" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [{}, {"check": "no-such-check", "answer": "a"}, {"check": "x" * 500}],
)
def test_a_check_the_lesson_does_not_have_shows_the_lesson(client, data):
    response = client.post(CHECK, data)
    assert response.status_code == 302
    assert response.url == LESSON


def test_an_answer_the_check_does_not_have_is_treated_as_no_answer(client):
    page = client.post(CHECK, {"check": "whose-fault", "answer": "<script>"}).content.decode()
    assert _shown_feedback(page) == ["missing"]
    assert "<script>" not in page.split('class="lesson-body"')[1].split("</article>")[0]


def test_the_check_address_opened_directly_shows_the_lesson(client):
    response = client.get(CHECK)
    assert response.status_code == 302
    assert response.url == LESSON


def test_an_answer_needs_no_csrf_token_because_it_changes_nothing():
    response = Client(enforce_csrf_checks=True).post(CHECK, {"check": "whose-fault", "answer": "sharer"})
    assert response.status_code == 200


def test_a_visitors_answer_writes_no_row_no_session_and_no_log(client, caplog):
    client.get(LESSON)
    before = _every_row_count()
    with caplog.at_level(logging.DEBUG):
        response = client.post(CHECK, {"check": "whose-fault", "answer": "pictured"})
    assert response.status_code == 200
    assert _every_row_count() == before
    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies
    assert [r for r in caplog.records if not r.name.startswith("django.db")] == []


def test_a_students_answer_writes_no_row_and_no_session_key(caplog):
    student = get_user_model().objects.create_user("check-student", role="student")
    client = Client()
    client.force_login(student)
    client.get(LESSON)  # the session as reading leaves it
    keys_before = set(client.session.keys())
    before = _every_row_count()
    with caplog.at_level(logging.DEBUG):
        for answer in ("sharer", "pictured", ""):
            assert client.post(CHECK, {"check": "whose-fault", "answer": answer}).status_code == 200
        assert client.post(CHECK, {"check": "too-late", "answer": "false"}).status_code == 200
    assert _every_row_count() == before
    assert set(client.session.keys()) == keys_before
    assert [r for r in caplog.records if not r.name.startswith("django.db")] == []


def test_every_reader_gets_the_same_answered_page():
    student = get_user_model().objects.create_user("check-reader", role="student")
    signed_in = Client()
    signed_in.force_login(student)
    pages = []
    for client in (Client(), signed_in):
        page = client.post(CHECK, {"check": "whose-fault", "answer": "sharer"}).content.decode()
        pages.append(page[page.index('<article class="lesson"') : page.index("</article>")])
    assert pages[0] == pages[1]
