"""A broken danger-word list is a system check error, printed like every content error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage

from courses.checks import as_check_errors

from .safeguarding import get_danger_words_result


def check_danger_words(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    return list(as_check_errors(get_danger_words_result().errors))
