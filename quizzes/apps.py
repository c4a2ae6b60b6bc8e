from __future__ import annotations

from django.apps import AppConfig
from django.core import checks


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self) -> None:
        from core.hooks import account_links, module_links, school_page_links, teaching_links

        from . import checks as quiz_checks
        from . import signals  # noqa: F401  (connects receivers)
        from .links import curriculum_link, pack_links, progress_link, quiz_links

        checks.register(quiz_checks.check_quizzes, "content")
        module_links.register(quiz_links)
        account_links.register(progress_link)
        teaching_links.register(pack_links)
        school_page_links.register(curriculum_link)
