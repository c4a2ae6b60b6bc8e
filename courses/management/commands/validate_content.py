from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.loader import load_course


class Command(BaseCommand):
    help = "Load and validate the course content; print every error as path:line: where: message [code]."

    def add_arguments(self, parser):
        parser.add_argument("--content", type=Path, default=None, help="Content folder (default: PAUSE_CONTENT_DIR).")

    def handle(self, *args, content=None, **options):
        result = load_course(content or settings.PAUSE_CONTENT_DIR)
        for error in result.errors:
            self.stderr.write(str(error))
        if result.errors:
            raise CommandError(f"{len(result.errors)} content error(s).")
        course = result.course
        assert course is not None  # no errors: the course loaded
        lessons = sum(len(module.lessons) for module in course.modules)
        self.stdout.write(
            f"Content OK: {len(course.modules)} module(s), {lessons} lesson(s), {len(course.guides)} guide(s), "
            f"{len(course.law_cards)} law card(s), {len(course.help_directories)} help directory(ies)."
        )
