from __future__ import annotations

from django.apps import AppConfig
from django.core import checks


class PrepostConfig(AppConfig):
    name = "prepost"
    verbose_name = "Before-and-after checks"

    def ready(self) -> None:
        from core.hooks import module_prompts

        from . import checks as check_checks
        from .links import before_prompt

        checks.register(check_checks.check_prepost, "content")
        module_prompts.register(before_prompt)
