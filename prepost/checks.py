"""A broken check.yaml is a system check error, printed like every content error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage

from courses.checks import as_check_errors

from .registry import get_check_result


def check_prepost(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    return list(as_check_errors(get_check_result().errors))
