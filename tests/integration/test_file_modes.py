"""The SQLite database and its -wal and -shm files are readable by their owner only (security review F16).

SQLite makes a missing database 0666 minus the umask, and its -wal and -shm files with the
database's own mode; Pause makes the database file 0600 before the first connection
(core/sqlite), so `migrate` under an ordinary umask leaves no file anyone else can read.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tools.servers import ROOT

# migrate, then a write, then the modes of the three files while the connection is still open.
SCRIPT = """
import os, stat, sys
os.umask(0o022)
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE scratch (x)")
    cursor.execute("INSERT INTO scratch VALUES (1)")
    name = connection.settings_dict["NAME"]
    for suffix in ("", "-wal", "-shm"):
        print(suffix or "db", oct(stat.S_IMODE(os.stat(name + suffix).st_mode)))
"""


def _run(env_extra: dict[str, str]) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in {"DATABASE_URL", "REDIS_URL"}}
    env.update({"DJANGO_DEBUG": "true", "DJANGO_SETTINGS_MODULE": "config.settings", **env_extra})
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return dict(line.split() for line in completed.stdout.splitlines())


def test_migrate_makes_the_database_and_its_wal_and_shm_owner_only(tmp_path: Path):
    modes = _run({"PAUSE_SQLITE_PATH": str(tmp_path / "pause.sqlite3")})
    assert modes == {"db": "0o600", "-wal": "0o600", "-shm": "0o600"}


def test_a_database_url_to_sqlite_is_made_owner_only_too(tmp_path: Path):
    modes = _run({"DATABASE_URL": f"sqlite:///{tmp_path / 'pause.sqlite3'}"})
    assert modes == {"db": "0o600", "-wal": "0o600", "-shm": "0o600"}


def test_an_existing_database_keeps_the_mode_its_operator_gave_it(tmp_path: Path):
    database = tmp_path / "pause.sqlite3"
    database.touch()
    database.chmod(0o640)  # e.g. readable by a backup group, on purpose
    assert _run({"PAUSE_SQLITE_PATH": str(database)})["db"] == "0o640"
    assert stat.S_IMODE(database.stat().st_mode) == 0o640
