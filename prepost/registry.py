"""Every module's before-and-after check, loaded once per process after the course."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from courses.registry import get_course, get_load_result

from .domain import Check
from .loader import CheckLoadResult, load_checks

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_result: CheckLoadResult | None = None


def get_check_result() -> CheckLoadResult:
    global _result
    if _result is None:
        with _lock:
            if _result is None:
                course = get_load_result().course
                root = settings.PAUSE_CONTENT_DIR
                _result = load_checks(course, root) if course else CheckLoadResult()
                for error in _result.errors:
                    logger.error("check content error: %s", error)
    return _result


def get_check(module_id: str) -> Check | None:
    get_course()  # a course that cannot load at all raises here, as everywhere
    return get_check_result().checks.get(module_id)


@receiver(setting_changed)
def _reload_on_content_dir_change(setting: str, **kwargs: Any) -> None:
    global _result
    if setting == "PAUSE_CONTENT_DIR":
        with _lock:
            _result = None
