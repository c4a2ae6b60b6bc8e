"""A backup restored into a fresh database gives every student exactly the progress they had.

Runs on whichever database the suite runs on: SQLite (`backup_db` uses VACUUM
INTO; the backup file is the restored database) and, in the PostgreSQL pass,
PostgreSQL (`backup_db` uses pg_dump; pg_restore loads it into a new database),
the way docs/deploy.md tells an operator to do it.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from courses import services as course_services
from courses.registry import get_course
from quizzes import services as quiz_services
from quizzes.kinds.multiple import MultipleChoice
from quizzes.kinds.ordering import Ordering
from quizzes.kinds.reflection import Reflection
from quizzes.kinds.scenario import Scenario
from quizzes.kinds.single import SingleChoice
from quizzes.kinds.true_false import TrueFalse
from quizzes.models import QuizAttempt
from quizzes.registry import get_quiz

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fixture_course")]

# Progress, per student, in a form that reads the same from any copy of the database: every
# value cast to text in SQL, so no driver or Django converter turns one copy's values into objects.
PROGRESS_COLUMNS = {
    "lessons": (
        "courses_lessonprogress p JOIN accounts_user u ON u.id = p.user_id",
        ["u.username", "p.module_id", "p.lesson_id", "p.content_hash", "p.completed_at"],
    ),
    "attempts": (
        "quizzes_quizattempt a JOIN accounts_user u ON u.id = a.user_id",
        ["u.username", "a.public_id", "a.module_id", "a.content_hash", "a.answered", "a.item_index", "a.step_id",
         "a.score", "a.max_score", "a.pass_mark", "a.passed", "a.started_at", "a.submitted_at"],
    ),
    "responses": (
        "quizzes_quizresponse r JOIN quizzes_quizattempt a ON a.id = r.attempt_id JOIN accounts_user u ON u.id = a.user_id",
        ["u.username", "a.public_id", "r.position", "r.item_id", "r.step_id", "r.answer", "r.score", "r.max_score",
         "r.correct", "r.submission_key", "r.created_at"],
    ),
}  # fmt: skip
PROGRESS_QUERIES = {
    kind: "SELECT " + ", ".join(f"CAST({column} AS TEXT)" for column in columns) + " FROM " + tables  # noqa: S608 (constants above)
    for kind, (tables, columns) in PROGRESS_COLUMNS.items()
}


def progress_by_student(cursor) -> dict[str, dict[str, list[tuple]]]:
    students: dict[str, dict[str, list[tuple]]] = {}
    for kind, sql in PROGRESS_QUERIES.items():
        cursor.execute(sql)
        for row in cursor.fetchall():
            students.setdefault(row[0], {k: [] for k in PROGRESS_QUERIES})[kind].append(tuple(row[1:]))
    for progress in students.values():
        for rows in progress.values():
            rows.sort(key=lambda row: [value or "" for value in row])
    return students


def an_answer(item, step_id, n: int) -> dict:
    """A valid answer to the item; n varies it, so students end with different scores."""
    if isinstance(item, Scenario):
        choices = item.steps[step_id].choices
        return {"choice": choices[n % len(choices)].id}
    if isinstance(item, SingleChoice):
        return {"option": item.options[n % len(item.options)].id}
    if isinstance(item, MultipleChoice):
        return {"options": [item.options[n % len(item.options)].id]}
    if isinstance(item, TrueFalse):
        return {"value": n % 2 == 0}
    if isinstance(item, Ordering):
        return {"order": [step.id for step in item.steps]}
    assert isinstance(item, Reflection)
    return {}


def make_progress(students: int = 5) -> None:
    course, quiz = get_course(), get_quiz("alpha")
    lessons = [lesson for module in course.modules for lesson in module.lessons]
    for n in range(students):
        user = get_user_model().objects.create_user(f"student-{n}", password=None)
        for lesson in lessons[: n % (len(lessons) + 1)]:
            course_services.lesson_progress_mark_done(user=user, session={}, lesson=lesson)
        # One finished attempt and one left half-way, with answers that differ per student.
        for stations in (None, n + 1):
            attempt = quiz_services.quiz_attempt_start(user=user, session={}, quiz=quiz)
            station = 0
            while not attempt.finished and (stations is None or station < stations):
                item = quiz.items[attempt.item_index]
                answer = an_answer(item, attempt.step_id or None, n + station)
                quiz_services.quiz_attempt_answer(
                    attempt=attempt, quiz=quiz, position=attempt.answered, key=uuid.uuid4().hex, answer=answer
                )
                attempt = QuizAttempt.objects.get(pk=attempt.pk)
                station += 1


def test_backup_and_restore_keep_every_students_progress(tmp_path):
    make_progress()
    with connection.cursor() as cursor:
        before = progress_by_student(cursor)
    assert len(before) == 5
    assert all(p["attempts"] and p["responses"] for p in before.values())
    assert len({str(p["attempts"]) for p in before.values()}) == 5  # five different stories, not one copied

    if connection.vendor == "sqlite":
        backup = tmp_path / "pause.sqlite3"
        call_command("backup_db", str(backup))
        with sqlite3.connect(backup) as restored:
            assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            after = progress_by_student(restored.cursor())
    else:
        after = restore_postgresql(tmp_path / "pause.dump")
    assert after == before


def test_a_backup_never_overwrites_another(tmp_path):
    existing = tmp_path / "yesterday.backup"
    existing.write_text("yesterday's backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_db", str(existing))
    assert existing.read_text() == "yesterday's backup"


def restore_postgresql(dump) -> dict:
    import psycopg

    if not shutil.which("pg_restore"):
        pytest.fail("pg_restore is not installed (Debian: postgresql-client)")
    call_command("backup_db", str(dump))
    db = connection.settings_dict
    server = psycopg.conninfo.make_conninfo(
        host=db.get("HOST") or None, port=db.get("PORT") or None, user=db.get("USER") or None,
        password=db.get("PASSWORD") or None, dbname="postgres",
    )  # fmt: skip
    fresh = f"pause_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        target = psycopg.conninfo.make_conninfo(server, dbname=fresh)
        completed = subprocess.run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", target, str(dump)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        with psycopg.connect(target) as conn, conn.cursor() as cursor:
            return progress_by_student(cursor)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
