"""pytest's side of ``tools.servers``: a scratch PostgreSQL database, or a skip.

Where no PostgreSQL answers the test is skipped with the reason, unless REQUIRE_POSTGRES is
set (as CI sets it): then it fails, so CI never passes by skipping.
"""

from __future__ import annotations

import os

import pytest

from tools.servers import create_postgres_database, drop_postgres_database, postgres_url, server_url, shown

__all__ = ["drop_postgres_database", "postgres_or_skip"]


def postgres_or_skip(prefix: str) -> str:
    """The URL of a fresh, empty database on the test PostgreSQL server (drop it when done)."""
    url = create_postgres_database(prefix)
    if url is None:
        where = shown(server_url(postgres_url()))
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required (REQUIRE_POSTGRES) but none answered at {where}")
        pytest.skip(f"no PostgreSQL server answered at {where}")
    return url
