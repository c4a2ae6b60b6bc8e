"""Database queries each page makes for one signed-in user, as JSON: for bench/classrooms.py.

    python -m bench.count_queries USERNAME PATH...

Runs in the benchmark's environment (its database, production settings) through Django's
test client; each page is fetched twice and the second fetch is counted, so first-use work
(a cold cache, a lazily loaded registry) is not.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(username: str, paths: list[str]) -> dict[str, int]:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        counts[path] = len(queries)
    return counts


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2:])))
