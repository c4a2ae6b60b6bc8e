"""Write a consistent backup of the database to one file, while the site keeps running.

    python manage.py backup_db /var/backups/pause/pause-2026-11-30.sqlite3   # SQLite: a database file
    python manage.py backup_db /var/backups/pause/pause-2026-11-30.dump      # PostgreSQL: pg_dump's custom format

SQLite is copied with `VACUUM INTO`, which reads one consistent snapshot (a plain
file copy of a database in WAL mode can miss the latest writes or catch a torn
page) and leaves out free pages, so deleted pupils' data does not travel into the
backup. PostgreSQL is dumped with `pg_dump`. docs/deploy.md says how to restore both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Back up the database to one file (SQLite: VACUUM INTO; PostgreSQL: pg_dump --format=custom)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file to write; it must not exist yet.")

    def handle(self, *args, path: str, **options):
        target = Path(path)
        if target.exists():
            raise CommandError(f"{target} exists already: a backup never overwrites another one.")
        if connection.vendor not in {"sqlite", "postgresql"}:
            raise CommandError(f"No backup method for {connection.vendor}.")
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Pupils' progress: readable by the site's own user only, from the first byte. The file is
        # made empty with mode 0600 (whatever the umask), and VACUUM INTO and pg_dump write into it;
        # a chmod afterwards would leave a window in which anyone could open it and keep reading.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise CommandError(f"{target} exists already: a backup never overwrites another one.") from None
        try:
            if connection.vendor == "sqlite":
                self._sqlite(target)
            else:
                self._postgresql(target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        self.stdout.write(f"Backed up the {connection.vendor} database to {target}")

    def _sqlite(self, target: Path) -> None:
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise CommandError("VACUUM INTO cannot run inside a transaction.")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target)])

    def _postgresql(self, target: Path) -> None:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise CommandError("pg_dump is not installed (Debian: postgresql-client).")
        db = connection.settings_dict
        # Credentials go through the environment, never the command line that `ps` shows.
        given = {"PGHOST": db.get("HOST"), "PGPORT": db.get("PORT"), "PGUSER": db.get("USER"),
                 "PGPASSWORD": db.get("PASSWORD"), "PGDATABASE": db["NAME"]}  # fmt: skip
        env = {**os.environ, **{name: str(value) for name, value in given.items() if value}}
        command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if completed.returncode != 0:
            raise CommandError(f"pg_dump failed: {completed.stderr.strip()}")
