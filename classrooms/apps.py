from django.apps import AppConfig


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = "Classrooms"

    def ready(self) -> None:
        from accounts.signup_hooks import FamilyCodes, register_family_codes
        from core.hooks import account_links, account_page_links

        from .links import account_links as own_page_link
        from .links import deletion_links
        from .services import families

        account_links.register(own_page_link)
        account_page_links.register(deletion_links)
        # Parent sign-up takes a family code and links with it exactly as "My family" does.
        register_family_codes(
            FamilyCodes(
                check=lambda code: families.family_code_refusal(code=code),
                link=lambda parent, code: families.family_link_create(parent=parent, code=code),
            )
        )
