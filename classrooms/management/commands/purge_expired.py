from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from accounts import services as account_services
from classrooms.services import retention
from quizzes import services as quiz_services


class Command(BaseCommand):
    help = (
        "Delete data past its retention period (docs/privacy.md): classes archived longer than RETENTION_DAYS "
        "with their students' class data, idle classless students, idle parents with no child, idle deactivated "
        "teachers with no class, expired family codes, visitors' abandoned "
        "quiz attempts, old failed-login records and expired sessions. Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Override RETENTION_DAYS for this run.")

    def handle(self, *args: Any, days: int | None = None, **options: Any) -> None:
        days = settings.RETENTION_DAYS if days is None else days
        if not 0 <= days <= settings.RETENTION_DAYS_MAX:
            self.stderr.write(
                f"--days must be between 0 and {settings.RETENTION_DAYS_MAX} (a hundred years), not {days}."
            )
            raise SystemExit(2)
        purged = retention.purge_expired(days=days)
        visitors = quiz_services.visitor_attempts_purge()
        failed_logins = account_services.failed_logins_purge()
        call_command("clearsessions")
        self.stdout.write(
            f"Deleted {purged.classes} class(es) archived over {days} days ago and {purged.students} student "
            f"account(s) in no other class or idle; {purged.parents} idle parent account(s) linked to no child; "
            f"{purged.staff} deactivated teacher account(s); {purged.family_codes} expired family code(s); "
            f"{visitors} abandoned visitor quiz attempt(s); {failed_logins} old failed sign-in record(s); "
            "expired sessions."
        )
