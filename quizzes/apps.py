from django.apps import AppConfig
from django.core import checks


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self):
        from . import checks as quiz_checks
        from . import signals  # noqa: F401  (connects receivers)

        checks.register(quiz_checks.check_quizzes, "content")
