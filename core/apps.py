from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The site's own pieces: base template, error pages, health check, middleware, account menu."""

    name = "core"
    verbose_name = "Site"

    def ready(self) -> None:
        from . import sessions  # noqa: F401  (connects the sign-in receiver)
