"""Send this week's family email to the parents who asked for it (run weekly by cron or a systemd timer).

Safe to run again: each subscription records the week it was sent, so a replay sends nothing new.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...digest import send_week


class Command(BaseCommand):
    help = "Email this week's 'This week' cards to each parent who asked for them (once a week, however often run)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site",
            required=True,
            help="The site's address for the links in the email, e.g. https://pause.example.org",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        site: str = options["site"]
        parts = urlsplit(site)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise CommandError(f"--site must be the site's address, like https://pause.example.org (not {site!r})")
        outcome = send_week(site=site)
        self.stdout.write(
            f"family digest: {outcome.sent} sent, {outcome.already} already sent this week, "
            f"{outcome.nothing} with nothing set this week, {outcome.failed} failed"
        )
        if outcome.failed:
            raise CommandError(f"{outcome.failed} family digest(s) not sent; the next run tries them again")
