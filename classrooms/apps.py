from django.apps import AppConfig


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = "Classrooms"

    def ready(self) -> None:
        from core.hooks import account_links, account_page_links, home_student_links, home_teacher_links

        from .links import account_links as own_page_link
        from .links import deletion_links
        from .links import home_student_links as join_link
        from .links import home_teacher_links as start_links

        account_links.register(own_page_link)
        account_page_links.register(deletion_links)
        home_teacher_links.register(start_links)
        home_student_links.register(join_link)
