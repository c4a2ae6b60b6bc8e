from django.apps import AppConfig


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = "Classrooms"

    def ready(self) -> None:
        from core.hooks import account_links, account_page_links

        from .links import account_links as own_page_link
        from .links import deletion_links

        account_links.register(own_page_link)
        account_page_links.register(deletion_links)
