"""Wrong class and family codes: one limit, answered with 429 on every form, counted per address."""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from accounts.models import User
from classrooms.models import WrongCode
from classrooms.services import families as family_services
from tests.classroom_world import build_school, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return build_school("a")


def test_a_wrong_join_code_is_refused_and_too_many_are_rate_limited(client, school, settings):
    settings.JOIN_RATE_LIMIT = 3
    for _ in range(3):
        response = client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"})
        assert response.status_code == 200
        assert "did not work" in response.content.decode()
    limited = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"})
    assert limited.status_code == 429
    assert not User.objects.filter(first_name="Sam").exists()
    # Another network is not affected.
    other = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(client, school, settings):
    settings.JOIN_RATE_LIMIT = 2
    settings.PAUSE_TRUSTED_PROXIES = 1
    settings.PAUSE_PROXY_ADDRESSES = ["10.0.0.1"]
    for _ in range(2):
        client.post(
            "/join/", {"code": "QQQQ-QQQQ", "nickname": "S"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6"
        )
    # Same proxy, another client: not limited. A spoofed left-hand entry changes nothing.
    ok = client.post(
        "/join/",
        {"code": school.classroom.join_code, "nickname": "T"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 7.7.7.7",
    )
    assert ok.status_code == 302
    limited = client.post(
        "/join/",
        {"code": school.classroom.join_code, "nickname": "U"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6",
    )
    assert limited.status_code == 429


def test_too_many_wrong_family_codes_are_answered_429_too(client, school, settings):
    settings.JOIN_RATE_LIMIT = 2
    signed_in(client, school.parent)
    for _ in range(2):
        wrong = client.post("/family/", {"code": "QQQQ-QQQQ"})
        assert wrong.status_code == 400
        assert "did not work" in wrong.content.decode()
    code = family_services.family_code_create(student=school.student).code
    limited = client.post("/family/", {"code": code})
    assert limited.status_code == 429
    assert "Too many wrong codes" in limited.content.decode()
    # A class code is counted on its own.
    client.logout()
    assert client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"}).status_code == 302


def test_a_request_without_an_address_is_not_counted_in_a_shared_bucket(client, school, settings):
    settings.JOIN_RATE_LIMIT = 2
    for _ in range(3):
        response = client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"}, REMOTE_ADDR="")
        assert response.status_code == 200
    assert not WrongCode.objects.exists()
    assert client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"}).status_code == 302


def test_the_address_is_stored_only_as_a_keyed_hash_and_never_logged(client, school, settings, caplog):
    settings.JOIN_RATE_LIMIT = 1
    caplog.set_level(logging.INFO, logger="classrooms")
    client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"}, REMOTE_ADDR="203.0.113.7")
    limited = client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"}, REMOTE_ADDR="203.0.113.7")
    assert limited.status_code == 429
    (row,) = WrongCode.objects.all()
    assert "203.0.113" not in row.source
    assert len(row.source) == 64
    assert any("throttled" in record.getMessage() for record in caplog.records)
    assert not any("203.0.113" in record.getMessage() or "Sam" in record.getMessage() for record in caplog.records)


def test_old_wrong_codes_stop_counting_and_are_forgotten(client, school, settings):
    settings.JOIN_RATE_LIMIT = 1
    client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"})
    WrongCode.objects.update(at=WrongCode.objects.get().at - datetime.timedelta(seconds=settings.JOIN_RATE_WINDOW))
    assert client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"}).status_code == 200  # not limited
    assert WrongCode.objects.count() == 1  # the old one went when the new one came


# Each process records wrong codes from one address, as one gunicorn worker would, then says
# whether that address is now limited. The count lives in the database every worker shares.
WORKER = """
import django
django.setup()
from django.db import connection
from django.test import RequestFactory
from classrooms import throttle
from classrooms.models import WrongCode
if {migrate}:
    with connection.schema_editor() as editor:  # only the table this test needs, as migrate would make it
        editor.create_model(WrongCode)
request = RequestFactory().post("/join/", REMOTE_ADDR="198.51.100.9")
for _ in range({wrong}):
    throttle.failed(request, throttle.Scope.JOIN)
print(throttle.exhausted(request, throttle.Scope.JOIN))
"""


def test_the_limit_holds_across_processes_without_redis(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'workers.sqlite3'}",
        "JOIN_RATE_LIMIT": "4",
        "REDIS_URL": "",
    }
    root = Path(django_settings.BASE_DIR)

    def worker(*, wrong: int, migrate: bool) -> str:
        script = WORKER.format(wrong=wrong, migrate=migrate)
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=120, check=True
        )
        return done.stdout.strip()

    assert worker(wrong=2, migrate=True) == "False"  # two wrong codes in the first process: under the limit
    assert worker(wrong=2, migrate=False) == "True"  # two more in another process: four in all, limited
