"""The loaded course, once per process.

Every page reads the course from here. It is loaded on first use (the system
check triggers that at start-up) and kept for the life of the process; in
DEBUG the dev server restarts when a content file changes (see signals.py).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import caches

from core.loaded import LoadedOnce

from .domain import Course
from .errors import ContentErrors
from .loader import LoadResult, load_course

logger = logging.getLogger(__name__)


def _load() -> LoadResult:
    result = load_course(settings.PAUSE_CONTENT_DIR)
    if result.errors:
        logger.error(
            "%d content error(s) in %s:\n%s",
            len(result.errors),
            settings.PAUSE_CONTENT_DIR,
            "\n".join(map(str, result.errors)),
        )
    return result


# Forgetting the course forgets the pages drawn from it.
_loaded = LoadedOnce(_load, on_reset=lambda: caches["fragments"].clear())


def get_load_result() -> LoadResult:
    return _loaded.get()


def get_course() -> Course:
    """The course; raises ContentErrors when content/course.yaml itself cannot be read."""
    result = get_load_result()
    if result.course is None:
        raise ContentErrors(result.errors)
    return result.course


def reset() -> None:
    """Forget the loaded course (tests that point PAUSE_CONTENT_DIR elsewhere), and the pages drawn from it."""
    _loaded.reset()
