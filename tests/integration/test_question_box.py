"""The anonymous question box (issue 15), through the test client: what is stored, what each person sees."""

from __future__ import annotations

import datetime
import logging
import re

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from classrooms.models import AskCount, ClassQuestion
from classrooms.services import questions as services
from classrooms.services import retention
from classrooms.services import teaching as teaching_services
from courses.registry import get_course
from courses.sessions import REGION_SESSION_KEY
from quizzes.demo import take_quiz
from tests.classroom_world import build_world, quiz_of, signed_in

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
DANGER = "Someone says he will share my photo unless I pay him. What do I do?"


@pytest.fixture
def world():
    return build_world()


def ask_key(client: Client, classroom_id: int) -> str:
    """Open the box, as a student does before sending: the form carries a one-time key."""
    page = client.get(reverse("classrooms:ask", args=[classroom_id]))
    found = re.search(r'name="key" value="([^"]+)"', page.content.decode())
    return found.group(1) if found else ""


def ask(client: Client, classroom_id: int, text: str):
    key = ask_key(client, classroom_id)
    return client.post(reverse("classrooms:ask", args=[classroom_id]), {"text": text, "key": key})


def same_page(response) -> str:
    text = TOKEN.sub("TOKEN", response.content.decode())
    return re.sub(r'(value|nonce)="[A-Za-z0-9+/=_-]{16,}"', r'\1="X"', text)


def token_in(response) -> str:
    found = TOKEN.search(response.content.decode())
    assert found, "no token on the page"
    return found.group(0)


# --- what is stored ---------------------------------------------------------------------------

ALLOWED_FIELDS = {
    "id",
    "classroom",
    "asked_on",
    "text",
    "flag",
    "token_hash",
    "shown_question",
    "answer",
    "answered_on",
    "hidden",
}


def test_a_question_row_has_no_column_that_could_identify_a_student():
    """Introspects the model: adding a user, a session, an address, a time or a module fails here."""
    fields = ClassQuestion._meta.get_fields()
    names = {field.name for field in fields}
    assert names == ALLOWED_FIELDS, "a new field on ClassQuestion: does it identify anyone? (docs/privacy.md)"
    for field in fields:
        assert not isinstance(field, models.DateTimeField | models.TimeField | models.GenericIPAddressField), field
        if field.is_relation:
            assert field.related_model is not User, field
            assert field.name == "classroom", field
        assert not re.search(r"user|student|session|ip|address|agent|module|time|_at$", field.name), field.name
    # A random id: the order of rows says nothing about who asked first.
    assert isinstance(ClassQuestion._meta.pk, models.UUIDField)
    assert {f.name for f in AskCount._meta.get_fields()} == {"id", "browser", "on"}
    assert isinstance(AskCount._meta.get_field("on"), models.DateField)
    assert not isinstance(AskCount._meta.get_field("on"), models.DateTimeField)


def test_a_question_is_kept_with_the_class_and_day_and_the_token_only_as_a_hash(world, caplog):
    client = signed_in(Client(), world.a.student)
    with caplog.at_level(logging.DEBUG):
        response = ask(client, world.a.classroom.pk, "Is it illegal to forward a photo someone sent me?")
    assert response.status_code == 200
    token = token_in(response)
    question = ClassQuestion.objects.get()
    assert question.classroom == world.a.classroom
    assert question.asked_on == timezone.localdate()
    assert question.text == "Is it illegal to forward a photo someone sent me?"
    assert question.flag == ""
    assert token not in question.token_hash
    assert question.token_hash == services.token_hash(token)
    # The token is in the reply only: not in the session, not in any log line, and nothing logged names the asker.
    assert token not in str(dict(client.session.items()))
    logged = " ".join(record.getMessage() for record in caplog.records)
    for private in (token, world.a.student.username, world.a.student.first_name, "illegal to forward"):
        assert private not in logged
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "text", ["no question", "No Question", "  NO   QUESTIONS. ", "no-question", "None", "nothing!"]
)
def test_no_question_stores_nothing_but_looks_the_same(world, text):
    client = signed_in(Client(), world.a.student)
    asked = ask(client, world.a.classroom.pk, "What counts as consent?")
    not_asked = ask(client, world.a.classroom.pk, text)
    assert ClassQuestion.objects.count() == 1
    assert not_asked.status_code == asked.status_code == 200
    assert not_asked.templates[0].name == asked.templates[0].name == "classrooms/questions_sent.html"
    # The same page, but for the token itself (and the form keys and nonces every page has).
    assert same_page(not_asked) == same_page(asked)


def test_sending_the_same_form_again_stores_nothing_twice(world):
    client = signed_in(Client(), world.a.student)
    key = ask_key(client, world.a.classroom.pk)
    url = reverse("classrooms:ask", args=[world.a.classroom.pk])
    assert client.post(url, {"text": "Once?", "key": key}).status_code == 200
    again = client.post(url, {"text": "Once?", "key": key})
    assert again.status_code == 409
    assert "Already sent" in again.content.decode()
    assert TOKEN.search(again.content.decode()) is None
    assert client.post(url, {"text": "no question", "key": "made-up"}).status_code == 409
    assert ClassQuestion.objects.count() == AskCount.objects.count() == 1


def test_an_empty_box_is_asked_again_and_stores_nothing(world):
    client = signed_in(Client(), world.a.student)
    response = ask(client, world.a.classroom.pk, "   ")
    assert response.status_code == 400
    assert "Please write a question, or ‘no question’." in response.content.decode()
    assert ClassQuestion.objects.count() == AskCount.objects.count() == 0


def test_the_ask_page_says_it_cannot_reply_and_where_to_go_in_danger(world):
    client = signed_in(Client(), world.a.student)
    session = client.session
    session[REGION_SESSION_KEY] = "england-wales"
    session.save()
    page = client.get(reverse("classrooms:ask", args=[world.a.classroom.pk])).content.decode()
    assert "The box can’t reply to you personally." in page
    assert "If you or someone else is in danger" in page
    assert reverse("courses:help-region", args=["england-wales"]) in page


# --- the end of a module asks everyone ---------------------------------------------------------


def test_the_quiz_result_asks_a_student_whose_class_has_the_module(world):
    module = get_course().modules[0]  # build_school assigns it
    attempt = take_quiz(user=world.a.student, quiz=quiz_of(module.id))
    client = signed_in(Client(), world.a.student)
    page = client.get(reverse("quizzes:result", args=[module.id, attempt.public_id])).content.decode()
    assert "Ask a question, or write ‘no question’" in page
    assert reverse("classrooms:ask", args=[world.a.classroom.pk]) in page


def test_the_quiz_result_asks_nobody_when_the_module_is_not_set_or_the_class_is_archived(world):
    module = get_course().modules[1]
    attempt = take_quiz(user=world.a.student, quiz=quiz_of(module.id))
    client = signed_in(Client(), world.a.student)
    page = client.get(reverse("quizzes:result", args=[module.id, attempt.public_id])).content.decode()
    assert "question box" not in page
    first = get_course().modules[0]
    teaching_services.classroom_set_archived(classroom=world.a.classroom, archived=True)
    attempt = take_quiz(user=world.a.student, quiz=quiz_of(first.id))
    page = client.get(reverse("quizzes:result", args=[first.id, attempt.public_id])).content.decode()
    assert "question box" not in page


def test_a_student_cannot_ask_in_another_class_or_an_archived_one(world):
    client = signed_in(Client(), world.b.student)
    assert ask(client, world.a.classroom.pk, "Hello?").status_code == 404
    teaching_services.classroom_set_archived(classroom=world.a.classroom, archived=True)
    assert ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Hello?").status_code == 404
    assert ClassQuestion.objects.count() == AskCount.objects.count() == 0


# --- danger words ----------------------------------------------------------------------------


def test_danger_words_show_help_at_once_and_flag_for_the_teacher_without_naming_anyone(world):
    student = signed_in(Client(), world.a.student)
    session = student.session
    session[REGION_SESSION_KEY] = "england-wales"
    session.save()
    ask(student, world.a.classroom.pk, "What does consent mean?")
    response = ask(student, world.a.classroom.pk, DANGER)
    page = response.content.decode().replace("&amp;", "&")
    assert "Help is here, now" in page
    assert f"{reverse('courses:help-region', args=['england-wales'])}#services" in page
    assert token_in(response)
    flagged = ClassQuestion.objects.get(text=DANGER)
    assert flagged.flag in {"threats", "demands"}

    teacher_page = signed_in(Client(), world.a.teacher).get(
        reverse("classrooms:questions", args=[world.a.classroom.pk])
    )
    text = teacher_page.content.decode()
    assert text.index("Flagged:") < text.index("What does consent mean?"), "flagged questions come first"
    assert "Follow your school's safeguarding policy" in text.replace("&#x27;", "'")
    for private in (world.a.student.username, world.a.student.first_name):
        assert private not in text
    class_page = signed_in(Client(), world.a.teacher).get(reverse("classrooms:class", args=[world.a.classroom.pk]))
    assert "1 flagged" in class_page.content.decode()


def test_an_ordinary_question_shows_no_alarm(world):
    response = ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Can a teacher see my answers?")
    assert "Help is here, now" not in response.content.decode()
    assert ClassQuestion.objects.get().flag == ""


# --- answering, checking, hiding, deleting -----------------------------------------------------


def answer(client: Client, question: ClassQuestion, shown: str, text: str):
    prefix = question.pk.hex
    url = reverse("classrooms:question-answer", args=[question.classroom_id, question.pk])
    return client.post(url, {f"{prefix}-shown_question": shown, f"{prefix}-answer": text})


def check(client: Client, token: str) -> str:
    return client.post(reverse("classrooms:question-check"), {"token": token}).content.decode()


def test_the_teacher_answers_the_class_and_the_token_shows_it_once(world):
    student = signed_in(Client(), world.a.student)
    token = token_in(ask(student, world.a.classroom.pk, "Is a screenshot a copy?"))
    assert "No answer yet" in check(Client(), token)
    question = ClassQuestion.objects.get()
    teacher = signed_in(Client(), world.a.teacher)
    assert answer(teacher, question, "Is a screenshot a copy?", "Yes: a screenshot is a new copy.").status_code == 302

    me = student.get(reverse("classrooms:me")).content.decode()
    assert "Someone asked:" in me
    assert "Yes: a screenshot is a new copy." in me
    classmate = User.objects.filter(enrolments__classroom=world.a.classroom).exclude(pk=world.a.student.pk)[0]
    assert "a new copy" in signed_in(Client(), classmate).get(reverse("classrooms:me")).content.decode()
    assert "a new copy" not in signed_in(Client(), world.b.student).get(reverse("classrooms:me")).content.decode()

    # Anyone with the token (no sign-in needed), typed in any case with spaces: the answer, once.
    first = check(Client(), token.lower().replace("-", " "))
    assert "Yes: a screenshot is a new copy." in first
    again = check(Client(), token)
    assert "a new copy" not in again
    assert "No answer yet" in again
    assert ClassQuestion.objects.get().token_hash == ""


def test_a_no_question_token_and_an_unknown_one_look_like_no_answer_yet(world):
    token = token_in(ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "no question"))
    assert "No answer yet" in check(Client(), token)
    assert "No answer yet" in check(Client(), services.new_token())
    assert "doesn’t look like a token" in check(Client(), "hello")


def test_the_teacher_can_reword_the_question_the_class_sees(world):
    ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "My friend Sam in 9C got a photo, what now?")
    question = ClassQuestion.objects.get()
    answer(signed_in(Client(), world.a.teacher), question, "A friend got a photo: what now?", "Tell an adult.")
    me = signed_in(Client(), world.a.student).get(reverse("classrooms:me")).content.decode()
    assert "A friend got a photo: what now?" in me
    assert "Sam in 9C" not in me


def test_hiding_and_deleting_take_an_answer_off_the_class_page(world):
    student = signed_in(Client(), world.a.student)
    token = token_in(ask(student, world.a.classroom.pk, "Question one?"))
    question = ClassQuestion.objects.get()
    teacher = signed_in(Client(), world.a.teacher)
    answer(teacher, question, "Question one?", "Answer one.")
    hide_url = reverse("classrooms:question-hide", args=[world.a.classroom.pk, question.pk])
    assert teacher.post(hide_url).status_code == 302
    assert "Answer one." not in student.get(reverse("classrooms:me")).content.decode()
    assert "Answer one." not in check(Client(), token)
    teacher.post(hide_url, {"hidden": "0"})
    assert "Answer one." in student.get(reverse("classrooms:me")).content.decode()
    delete_url = reverse("classrooms:question-delete", args=[world.a.classroom.pk, question.pk])
    assert teacher.post(delete_url, {"confirm": "on"}).status_code == 302
    assert not ClassQuestion.objects.exists()
    assert "Answer one." not in student.get(reverse("classrooms:me")).content.decode()


def test_another_teacher_cannot_reach_a_question_even_through_their_own_class(world):
    ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Question?")
    question = ClassQuestion.objects.get()
    other = signed_in(Client(), world.b.teacher)
    own_class_url = reverse("classrooms:question-answer", args=[world.b.classroom.pk, question.pk])
    assert (
        other.post(
            own_class_url, {f"{question.pk.hex}-shown_question": "x", f"{question.pk.hex}-answer": "x"}
        ).status_code
        == 404
    )
    delete = reverse("classrooms:question-delete", args=[world.b.classroom.pk, question.pk])
    assert other.post(delete, {"confirm": "on"}).status_code == 404
    triage = other.get(reverse("classrooms:questions", args=[world.b.classroom.pk])).content.decode()
    assert "Question?" not in triage
    assert ClassQuestion.objects.get().answer == ""


def test_an_archived_class_keeps_its_questions_read_only(world):
    ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Question?")
    question = ClassQuestion.objects.get()
    teaching_services.classroom_set_archived(classroom=world.a.classroom, archived=True)
    teacher = signed_in(Client(), world.a.teacher)
    answer(teacher, question, "Question?", "An answer.")
    teacher.post(reverse("classrooms:question-hide", args=[world.a.classroom.pk, question.pk]))
    teacher.post(reverse("classrooms:question-delete", args=[world.a.classroom.pk, question.pk]), {"confirm": "on"})
    question.refresh_from_db()
    assert (question.answer, question.hidden) == ("", False)
    page = teacher.get(reverse("classrooms:questions", args=[world.a.classroom.pk])).content.decode()
    assert "Question?" in page
    assert "Answer to the class" not in page


# --- limits and retention ----------------------------------------------------------------------


def test_five_sends_a_day_per_browser_counting_no_question_alike(world):
    client = signed_in(Client(), world.a.student)
    for n in range(services.ASKS_PER_BROWSER_DAY):
        assert ask(client, world.a.classroom.pk, "no question" if n % 2 else f"Question {n}?").status_code == 200
    refused = ask(client, world.a.classroom.pk, "One more?")
    refused_no_question = ask(client, world.a.classroom.pk, "no question")
    assert refused.status_code == refused_no_question.status_code == 429
    assert services.TOO_MANY_FROM_BROWSER in refused.content.decode()
    assert ClassQuestion.objects.count() == 3
    # Another browser (another cookie) is not stopped by this one; no address is kept anywhere.
    assert ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "From my phone?").status_code == 200
    assert set(AskCount.objects.values_list("on", flat=True)) == {timezone.localdate()}


def test_a_class_takes_a_limited_number_of_questions_a_day(world, monkeypatch):
    monkeypatch.setattr(services, "QUESTIONS_PER_CLASS_DAY", 2)
    for n in range(2):
        assert ask(signed_in(Client(), world.a.student), world.a.classroom.pk, f"Q{n}?").status_code == 200
    full = ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Q3?")
    assert full.status_code == 429
    assert services.TOO_MANY_IN_CLASS in full.content.decode()
    assert ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "no question").status_code == 200
    assert ClassQuestion.objects.count() == 2


def test_questions_go_with_the_archived_class_after_retention_and_daily_counts_the_next_day(world, settings):
    ask(signed_in(Client(), world.a.student), world.a.classroom.pk, "Question A?")
    ask(signed_in(Client(), world.b.student), world.b.classroom.pk, "Question B?")
    AskCount.objects.create(browser="x" * 64, on=timezone.localdate() - datetime.timedelta(days=1))
    teaching_services.classroom_set_archived(classroom=world.a.classroom, archived=True)
    retention.purge_expired(days=30, now=timezone.now() + datetime.timedelta(days=31))
    assert list(ClassQuestion.objects.values_list("text", flat=True)) == ["Question B?"]
    assert not AskCount.objects.filter(on__lt=timezone.localdate()).exists()


def test_a_broken_danger_word_list_is_a_system_check_error(settings, valid_content):
    from classrooms.checks import check_danger_words

    path = valid_content / "safeguarding" / "danger-words.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 1\nsevere: yes"))
    settings.PAUSE_CONTENT_DIR = valid_content
    [error] = check_danger_words()
    assert str(error).startswith("content/safeguarding/danger-words.yaml:")
    assert str(error).endswith("[content.E007]")
    settings.PAUSE_CONTENT_DIR = settings.BASE_DIR / "content"
    assert check_danger_words() == []
