from django.conf import settings
from django.core.management.base import BaseCommand

from classrooms import services


class Command(BaseCommand):
    help = "Delete classes archived longer than RETENTION_DAYS, with their students' class data. Run it daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override RETENTION_DAYS for this run.")

    def handle(self, *args, days=None, **options):
        days = settings.RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("--days must be 0 or more.")
            raise SystemExit(2)
        classes, students = services.purge_expired(days=days)
        self.stdout.write(
            f"Deleted {classes} class(es) archived over {days} days ago, and {students} student account(s) "
            "that were in no other class."
        )
