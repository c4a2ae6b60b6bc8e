from django.apps import AppConfig
from django.core import checks


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = "Classrooms"

    def ready(self) -> None:
        from accounts.signup_hooks import FamilyCodes, register_family_codes
        from core.hooks import (
            account_links,
            account_page_links,
            home_student_links,
            home_teacher_links,
            module_end_links,
        )

        from . import checks as classroom_checks
        from .links import account_links as own_page_link
        from .links import deletion_links, question_box_links
        from .links import home_student_links as join_link
        from .links import home_teacher_links as start_links
        from .services import families

        account_links.register(own_page_link)
        account_page_links.register(deletion_links)
        home_teacher_links.register(start_links)
        home_student_links.register(join_link)
        module_end_links.register(question_box_links)
        checks.register(classroom_checks.check_danger_words, "content")
        # Parent sign-up takes a family code and links with it exactly as "My family" does.
        register_family_codes(
            FamilyCodes(
                check=lambda code: families.family_code_refusal(code=code),
                link=lambda parent, code: families.family_link_create(parent=parent, code=code),
            )
        )
