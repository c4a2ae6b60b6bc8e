"""Every module's before-and-after check, loaded once per process after the course."""

from __future__ import annotations

import logging

from django.conf import settings

from core.loaded import LoadedOnce
from courses.registry import get_course, get_load_result

from .domain import Check
from .loader import CheckLoadResult, load_checks

logger = logging.getLogger(__name__)


def _load() -> CheckLoadResult:
    course = get_load_result().course
    result = load_checks(course, settings.PAUSE_CONTENT_DIR) if course else CheckLoadResult()
    for error in result.errors:
        logger.error("check content error: %s", error)
    return result


_loaded = LoadedOnce(_load)


def get_check_result() -> CheckLoadResult:
    return _loaded.get()


def get_check(module_id: str) -> Check | None:
    get_course()  # a course that cannot load at all raises here, as everywhere
    return get_check_result().checks.get(module_id)
