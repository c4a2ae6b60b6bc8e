"""JSON, not pickle, for values in Redis.

Django's Redis cache pickles every value by default, and unpickling runs code: anyone who
could write one key to the Redis that Pause uses (a shared database, another site's bug,
a leaked password) could run code on every app server. Everything Pause keeps in the
default cache is plain data (sessions are JSON-safe, as Django's own session serializer
requires), so JSON loses nothing. A value that is not JSON (a planted pickle) fails to
load with a ``ValueError``; the session store treats that as no session.
"""

from __future__ import annotations

import json
from typing import Any


class JSONSerializer:
    """``CACHES[...]["OPTIONS"]["serializer"]`` for ``django.core.cache.backends.redis.RedisCache``.

    Integers go to Redis as they are, as Django's own serializer does, so ``incr`` and ``decr``
    keep working on them.
    """

    def dumps(self, obj: Any) -> bytes | int:
        if type(obj) is int:
            return obj
        return json.dumps(obj, separators=(",", ":")).encode()

    def loads(self, data: bytes | int) -> Any:
        if isinstance(data, int):
            return data
        return json.loads(data)
