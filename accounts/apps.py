from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from core.hooks import account_links

        from .links import account_links as settings_link

        account_links.register(settings_link)
