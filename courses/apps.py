from django.apps import AppConfig
from django.core import checks


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        from . import checks as content_checks
        from . import signals  # noqa: F401  (connects receivers)

        checks.register(content_checks.check_content, "content")
