"""A backup restored into a fresh database gives every student exactly the progress they had.

Runs on whichever database the suite runs on: SQLite (`backup_db` uses VACUUM
INTO; the backup file is the restored database) and, in the PostgreSQL pass,
PostgreSQL (`backup_db` uses pg_dump; pg_restore loads it into a new database),
the way docs/deploy.md tells an operator to do it.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from courses.management.commands.backup_db import Command as BackupCommand
from courses.registry import get_course
from tools.http import answer_fields, hidden_fields

QUIZ = "/modules/alpha/quiz/"

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


def progress_by_student(cursor: Any) -> dict[str, dict[str, list[tuple[Any, ...]]]]:
    students: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    for kind, sql in PROGRESS_QUERIES.items():
        cursor.execute(sql)
        for row in cursor.fetchall():
            students.setdefault(row[0], {k: [] for k in PROGRESS_QUERIES})[kind].append(tuple(row[1:]))
    for progress in students.values():
        for rows in progress.values():
            rows.sort(key=lambda row: [value or "" for value in row])
    return students


def make_progress(client: Client, students: int = 5) -> None:
    """Students read lessons and answer the quiz through the site, each their own way.

    Each student marks a different number of lessons done, finishes one attempt and leaves a
    second half-way, answering with dice seeded by their number (tools.http.answer_fields).
    """
    lessons = [(module.id, lesson.id) for module in get_course().modules for lesson in module.lessons]
    for n in range(students):
        user = get_user_model().objects.create_user(f"student-{n}", password=None)
        client.force_login(user)
        for module_id, lesson_id in lessons[: n % (len(lessons) + 1)]:
            assert client.post(f"/modules/{module_id}/{lesson_id}/done/").status_code in (200, 302)
        rng = random.Random(n)
        for stop_after in (None, n + 1):
            started, answered = False, 0
            for _ in range(100):  # the fixture quiz ends long before this
                if stop_after is not None and answered >= stop_after:
                    break
                page = client.get(QUIZ).content.decode()
                if f'action="{QUIZ}answer/"' in page:
                    assert client.post(QUIZ + "answer/", answer_fields(page, rng)).status_code == 302
                    started, answered = True, answered + 1
                elif not started:  # the intro, or the last attempt's result
                    client.post(QUIZ + "start/", hidden_fields(page))
                    started = True
                else:  # this attempt is finished
                    break
        client.logout()


def test_backup_and_restore_keep_every_students_progress(tmp_path: Path, client: Client) -> None:
    make_progress(client)
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


def test_a_backup_never_overwrites_another(tmp_path: Path) -> None:
    existing = tmp_path / "yesterday.backup"
    existing.write_text("yesterday's backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_db", str(existing))
    assert existing.read_text() == "yesterday's backup"


def restore_postgresql(dump: Path) -> dict[str, dict[str, list[tuple[Any, ...]]]]:
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


# --- owner-only files (security review F16) -----------------------------------------------------


def test_a_backup_is_owner_only_from_its_first_byte_whatever_the_umask(tmp_path: Path, monkeypatch) -> None:
    """The file exists with mode 0600 before the database writes into it: no chmod afterwards,
    which would leave a window in which another user could open it and keep reading."""
    modes_while_writing: list[int] = []
    for method in ("_sqlite", "_postgresql"):
        original = getattr(BackupCommand, method)

        def spy(self, target: Path, original=original) -> None:
            modes_while_writing.append(stat.S_IMODE(target.stat().st_mode))
            original(self, target)

        monkeypatch.setattr(BackupCommand, method, spy)
    target = tmp_path / "new-folder" / "pause.backup"
    previous = os.umask(0o022)
    try:
        call_command("backup_db", str(target), stdout=io.StringIO())
    finally:
        os.umask(previous)
    assert modes_while_writing == [0o600]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.stat().st_size > 0
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700  # a folder it made itself


def test_a_failed_backup_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    def fail(self, target: Path) -> None:
        raise CommandError("the database went away")

    monkeypatch.setattr(BackupCommand, "_sqlite", fail)
    monkeypatch.setattr(BackupCommand, "_postgresql", fail)
    with pytest.raises(CommandError, match="went away"):
        call_command("backup_db", str(tmp_path / "pause.backup"))
    assert not (tmp_path / "pause.backup").exists()
