from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Reported problems"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.hooks import page_report_links

        from .links import report_link

        page_report_links.register(report_link)
