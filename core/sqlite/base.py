"""Django's SQLite backend, except that a new database file is made with mode 0600.

The database holds pupils' progress. SQLite creates a missing file with 0666 minus the
umask (0644 under the usual 022), and creates the ``-wal``, ``-shm`` and ``-journal``
files with the same mode as the database file. So creating the empty file with 0600
before the first connection makes all of them owner-only, whoever runs ``migrate``
and whatever their umask; an existing database keeps the mode it has (docs/deploy.md).
Setting the umask in ``manage.py`` would do it too, but for every file every command
writes (migrations in a developer's checkout, collected static files).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from django.db.backends.sqlite3 import base


def create_private(name: str) -> None:
    """Make ``name`` an empty 0600 file if it is a file path that does not exist yet."""
    if not name or name == ":memory:" or name.startswith("file:"):
        return  # in memory, or a URI (the test database): nothing on disk to protect here
    # There already (it keeps its mode); or no such folder, which SQLite reports in its own words.
    with contextlib.suppress(FileExistsError, FileNotFoundError):
        os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        create_private(str(conn_params["database"]))
        return super().get_new_connection(conn_params)
