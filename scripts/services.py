"""Does a PostgreSQL or Redis server answer? Used by `make test` and `make loadtest`.

    python scripts/services.py postgres [URL]   # exit 0 when it answers
    python scripts/services.py redis [URL]

Without a URL: DATABASE_URL / REDIS_URL, else the usual local servers.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit, urlunsplit

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/pause"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def postgres_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES


def redis_url() -> str:
    return os.environ.get("REDIS_URL") or DEFAULT_REDIS


def server_url(url: str, database: str = "postgres") -> str:
    """The same PostgreSQL server, but its maintenance database: the named one may not exist yet."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, ""))


def probe_postgres(url: str) -> str | None:
    """None when the server answers; otherwise why not, in a few words."""
    if not url.startswith(("postgres://", "postgresql://")):
        return f"DATABASE_URL is not PostgreSQL ({urlsplit(url).scheme})"
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(server_url(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"no PostgreSQL answered at {urlsplit(url).hostname}:{urlsplit(url).port or 5432} ({first_line(exc)})"
    return None


def probe_redis(url: str) -> str | None:
    try:
        import redis
    except ImportError:
        return "redis (the Python client) is not installed"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as exc:
        return f"no Redis answered at {urlsplit(url).hostname}:{urlsplit(url).port or 6379} ({first_line(exc)})"
    return None


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or argv[1] not in ("postgres", "redis"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if argv[1] == "postgres":
        problem = probe_postgres(argv[2] if len(argv) == 3 else postgres_url())
    else:
        problem = probe_redis(argv[2] if len(argv) == 3 else redis_url())
    print(problem or f"{argv[1]}: answers")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
