"""Every module's quiz, loaded once per process after the course."""

from __future__ import annotations

import logging

from django.conf import settings

from core.loaded import LoadedOnce
from courses.registry import get_course, get_load_result

from .domain import Quiz
from .loader import QuizLoadResult, load_quizzes

logger = logging.getLogger(__name__)


def _load() -> QuizLoadResult:
    course = get_load_result().course
    result = load_quizzes(course, settings.PAUSE_CONTENT_DIR) if course else QuizLoadResult()
    for error in result.errors:
        logger.error("quiz content error: %s", error)
    return result


_loaded = LoadedOnce(_load)


def get_quiz_result() -> QuizLoadResult:
    return _loaded.get()


def get_quiz(module_id: str) -> Quiz | None:
    get_course()  # a course that cannot load at all raises here, as everywhere
    return get_quiz_result().quizzes.get(module_id)
