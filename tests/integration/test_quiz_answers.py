"""Each answer recorded exactly once and only by its reader: replays, stale pages, tampering, refusals."""

import re

import pytest
from django.contrib.auth import get_user_model

from quizzes.models import QuizAttempt, QuizResponse
from tests.quiz_client import QUIZ, answer, form_of, play_best, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


def test_a_replayed_or_double_clicked_answer_records_once(client):
    start(client)
    first, data = answer(client, pick=["Ignore it"])
    again = client.post(QUIZ + "answer/", data)
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert QuizResponse.objects.count() == 1
    assert QuizAttempt.objects.get().answered == 1


def test_back_and_resubmit_with_a_new_key_records_nothing_new(client):
    start(client)
    _, data = answer(client, pick=["Ignore it"])
    data["key"] = "a-fresh-key-from-an-old-tab-0000"
    response = client.post(QUIZ + "answer/", data)
    assert response.status_code == 400
    assert QuizResponse.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"choice": ["9"]}, 400),
        ({"choice": ["ignore"]}, 400),
        ({"quiz": "other-module"}, 400),
        ({"position": "5"}, 400),
        ({"position": "x"}, 400),
        ({"position": ""}, 400),
        ({"attempt": "6f1c1bd2-5b4e-4c0e-9d39-0a1d8c3e6a51"}, 400),
        ({"attempt": "x"}, 400),
        ({"key": ""}, 400),
    ],
)
def test_tampered_answers_are_refused_and_record_nothing(client, change, expected):
    start(client)
    _, fields, options, _ = form_of(client)
    data = {**fields, "choice": [options["Ignore it"]], **change}
    response = client.post(QUIZ + "answer/", data)
    assert response.status_code == expected
    assert QuizResponse.objects.count() == 0


def test_an_empty_answer_re_renders_the_question_with_an_error(client):
    start(client)
    _, fields, _, _ = form_of(client)
    response = client.post(QUIZ + "answer/", fields)
    assert response.status_code == 400
    assert "Choose an answer to go on." in response.content.decode()
    assert "Kim gets a message" in response.content.decode()


def test_ordering_with_a_repeated_or_missing_step_re_renders(client):
    start(client)
    for text in ["Ignore it", "Tell a trusted adult", "Reversible"]:
        answer(client, pick=[text])
    answer(client, pick=["Guilt trips"])
    answer(client, value="true")
    for order in (["1", "1", "2"], ["1", "2"], ["1", "2", "3", "4"]):
        response, _ = answer(client, order=order)
        assert response.status_code == 400
        assert "Put every step in a place." in response.content.decode()
    assert QuizResponse.objects.count() == 5


def test_an_answer_to_a_reflection_is_refused(client, caplog):
    start(client)
    play_best_until_reflection(client)
    _, fields, _, _ = form_of(client)
    for name in ("reflection", "notes", "x"):  # whatever it is called: only the page's hidden fields are taken
        response = client.post(QUIZ + "answer/", {**fields, name: "my private thoughts"})
        assert response.status_code == 400
        assert "A reflection is private and is never sent" in response.content.decode()
    assert not QuizResponse.objects.filter(item_id="think").exists()
    assert "my private thoughts" not in str(list(QuizResponse.objects.values()))
    assert "my private thoughts" not in caplog.text


def test_a_refused_answer_is_logged_with_its_reason_and_no_content(client, caplog):
    start(client)
    _, fields, options, _ = form_of(client)
    client.post(QUIZ + "answer/", {**fields, "choice": [options["Ignore it"]]})
    caplog.clear()
    stale = client.post(QUIZ + "answer/", {**fields, "key": "another-key-0000", "choice": [options["Reply"]]})
    assert stale.status_code == 400
    assert [(r.name, r.levelname) for r in caplog.records if r.name.startswith("quizzes")] == [
        ("quizzes.views", "WARNING")
    ]
    assert "not the current question" in caplog.text
    assert "alpha" in caplog.text
    assert fields["attempt"] not in caplog.text
    assert "another-key" not in caplog.text


def play_best_until_reflection(client):
    answer(client, pick=["Ignore it"])
    answer(client, pick=["Tell a trusted adult"])
    answer(client, pick=["Reversible"])
    answer(client, pick=["Guilt trips"])
    answer(client, value="false")
    answer(client, places={"Stop replying": 1, "Keep evidence": 2, "Report it": 3})


def test_the_reflection_box_has_no_name_so_it_is_never_sent(client):
    start(client)
    play_best_until_reflection(client)
    html, *_ = form_of(client)
    found = re.search(r"<textarea[^>]*>", html)
    assert found is not None
    textarea = found.group(0)
    assert "name=" not in textarea
    assert "data-reflection-key" in textarea
    assert "never sent to Pause" in html


def test_one_readers_attempt_is_404_to_another(client):
    from django.test import Client

    start(client)
    response, _ = answer(client, pick=["Ignore it"])
    assert Client().get(response["Location"]).status_code == 404
    attempt = QuizAttempt.objects.get()
    assert Client().get(f"{QUIZ}{attempt.public_id}/result/").status_code == 404


def test_try_again_starts_a_fresh_attempt(client):
    start(client)
    play_best(client)
    start(client)
    assert QuizAttempt.objects.count() == 2
    assert "Part 1 of 6, step 1" in form_of(client)[0]


def test_a_visitors_attempts_follow_them_when_they_sign_in(client):
    get_user_model().objects.create_user("learner", password="pw-long-enough-123")
    start(client)
    play_best(client)
    client.post("/accounts/login/", {"username": "learner", "password": "pw-long-enough-123"})
    attempt = QuizAttempt.objects.get()
    assert attempt.user is not None
    assert attempt.user.username == "learner"
    assert attempt.visitor == ""
    assert "100% (passed)" in client.get("/progress/").content.decode()


def test_a_module_is_complete_with_all_lessons_done_and_the_quiz_passed(client):
    start(client)
    play_best(client)
    client.post("/modules/alpha/first-lesson/done/")
    assert "Complete</span>" not in client.get("/progress/").content.decode()
    client.post("/modules/alpha/second-lesson/done/")
    assert "Complete</span>" in client.get("/progress/").content.decode()


def test_unknown_quiz_is_a_friendly_404(client):
    assert client.get("/modules/nope/quiz/").status_code == 404
    assert client.post("/modules/nope/quiz/start/").status_code == 404


def test_progress_page_works_for_a_new_visitor(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        page = client.get("/progress/")
    assert page.status_code == 200
    assert b"Not taken yet" in page.content


def test_another_readers_copy_of_the_form_records_nothing(client):
    from django.test import Client

    start(client)
    _, fields, options, _ = form_of(client)
    data = {**fields, "choice": [options["Ignore it"]]}
    other = Client()
    assert other.post(QUIZ + "start/").status_code == 302  # a visitor with an attempt of their own
    assert other.post(QUIZ + "answer/", data).status_code == 400
    assert Client().post(QUIZ + "answer/", data).status_code == 400  # a visitor with none
    assert QuizResponse.objects.count() == 0
    assert client.post(QUIZ + "answer/", data).status_code == 302  # the reader's own answer still counts
    assert QuizResponse.objects.count() == 1


def test_answering_reads_the_attempt_once_then_records_and_moves_on_guarded(client):
    """The answer path's queries on the quiz tables: one read, one insert, one update guarded on the position."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    start(client)
    _, fields, options, _ = form_of(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(QUIZ + "answer/", {**fields, "choice": [options["Ignore it"]]})
    assert response.status_code == 302
    quiz_sql = [q["sql"] for q in queries if "quizzes_" in q["sql"]]
    assert [sql.split()[0].upper() for sql in quiz_sql] == ["SELECT", "INSERT", "UPDATE"], quiz_sql
    assert '"answered" = 0' in quiz_sql[-1].split("WHERE", 1)[1]  # the position the page showed


def test_a_teachers_report_counts_each_kind_in_its_own_places(django_user_model, fixture_course):
    from quizzes.demo import take_quiz
    from quizzes.registry import get_quiz
    from quizzes.selectors import question_results

    quiz = get_quiz("alpha")
    assert quiz is not None
    learners = [django_user_model.objects.create_user(f"learner-{n}") for n in range(3)]
    for n, learner in enumerate(learners):
        take_quiz(user=learner, quiz=quiz, slip_every=1 if n == 0 else 0)  # the first slips everywhere
    results = {(q.item_id, q.step_id): q for q in question_results(quiz=quiz, user_ids=[u.pk for u in learners])}
    # Every step of the story, each knowledge check; a reflection is never sent, so never counted.
    assert list(results) == [("story", "message"), ("story", "pressure"), ("story", "tell"), ("fries-r", ""),
                             ("signs", ""), ("myth", ""), ("order", "")]  # fmt: skip
    story = results[("story", "message")]
    assert [(o.text, o.count, o.correct) for o in story.options] == [("Ignore it", 2, None), ("Reply", 1, None)]
    assert [(o.count, o.correct) for o in results[("fries-r", "")].options] == [(1, False), (2, True)]
    assert results[("signs", "")].several
    assert not results[("fries-r", "")].several
    assert [(o.text, o.count) for o in results[("myth", "")].options] == [("True", 1), ("False", 2)]
    assert [(o.text, o.count) for o in results[("order", "")].options] == [
        ("Put them in the right order", 2),
        ("Another order", 1),
    ]


@pytest.mark.parametrize(
    "finished",
    [[(0, 0)], [(1, 3), (2, 3)], [(1, 8), (0, 0)], [(5, 8), (3, 8)], [(2, 3), (0, 0), (1, 7)]],
)
def test_the_best_percent_is_the_one_formula_whatever_the_scores(django_user_model, finished):
    """SQL (teachers' and parents' tables, the progress page) agrees with percent(), a zero maximum included."""
    from django.contrib.sessions.backends.signed_cookies import SessionStore

    from core.maths import percent
    from quizzes.selectors import progress_overview, quiz_standings

    learner = django_user_model.objects.create_user("learner")
    for score, max_score in finished:
        QuizAttempt.objects.create(
            user=learner, module_id="alpha", content_hash="x", score=score, max_score=max_score, pass_mark=0.5,
            answered=1, submitted_at="2026-01-01T00:00:00Z", passed=False,
        )  # fmt: skip
    QuizAttempt.objects.create(user=learner, module_id="alpha", content_hash="x", max_score=4, pass_mark=0.5)
    expected = max(percent(score, max_score) for score, max_score in finished)
    assert quiz_standings(user_ids=[learner.pk], module_ids=["alpha"])[(learner.pk, "alpha")].best_percent == expected
    mine = {row.module.id: row for row in progress_overview(user=learner, session=SessionStore())}
    assert mine["alpha"].best_percent == expected
