from django.apps import AppConfig
from django.core import checks


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = "Classrooms"

    def ready(self) -> None:
        from core.hooks import account_links, account_page_links, module_end_links

        from . import checks as classroom_checks
        from .links import account_links as own_page_link
        from .links import deletion_links, question_box_links

        account_links.register(own_page_link)
        account_page_links.register(deletion_links)
        module_end_links.register(question_box_links)
        checks.register(classroom_checks.check_danger_words, "content")
