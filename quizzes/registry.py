"""Every module's quiz, loaded once per process after the course."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from courses.registry import get_course, get_load_result

from .domain import Quiz
from .loader import QuizLoadResult, load_quizzes

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_result: QuizLoadResult | None = None


def get_quiz_result() -> QuizLoadResult:
    global _result
    if _result is None:
        with _lock:
            if _result is None:
                course = get_load_result().course
                root = settings.PAUSE_CONTENT_DIR
                _result = load_quizzes(course, root) if course else QuizLoadResult()
                for error in _result.errors:
                    logger.error("quiz content error: %s", error)
    return _result


def get_quiz(module_id: str) -> Quiz | None:
    get_course()  # a course that cannot load at all raises here, as everywhere
    return get_quiz_result().quizzes.get(module_id)


@receiver(setting_changed)
def _reload_on_content_dir_change(setting: str, **kwargs: Any) -> None:
    global _result
    if setting == "PAUSE_CONTENT_DIR":
        with _lock:
            _result = None
