"""Make every module pack's PDF (and the teacher's copy, with answers) for this content version (at deploy, and by `make run`).

    manage.py build_packs            # the packs not yet made
    manage.py build_packs --force    # all of them again
    manage.py build_packs consent    # one module

Exits 1 when a pack could not be made, saying why; the site still serves the printable pages.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from courses.registry import get_course
from quizzes import packs, pdf


class Command(BaseCommand):
    help = "Make the module packs' PDFs (headless Chromium) for this content version, under PAUSE_PACK_DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("modules", nargs="*", help="module ids (default: every module)")
        parser.add_argument("--force", action="store_true", help="make them again even if made")

    def handle(self, *args: Any, modules: list[str], force: bool, verbosity: int = 1, **options: Any) -> None:
        course = get_course()
        wanted = modules or [module.id for module in course.modules]
        unknown = [module_id for module_id in wanted if course.module(module_id) is None]
        if unknown:
            raise CommandError(f"no such module: {', '.join(unknown)}")
        failed = 0
        for module_id, answers in ((module_id, answers) for module_id in wanted for answers in (False, True)):
            pack = packs.pack_get(module_id=module_id, answers=answers)
            try:
                path, made = pdf.pack_pdf_build(pack=pack, force=force)
            except pdf.PackUnavailable as refusal:
                failed += 1
                self.stderr.write(f"{module_id}: {refusal}")
                continue
            if made or verbosity > 1:
                copy = "teacher's copy" if pack.answers else "pack"
                self.stdout.write(f"{module_id} {copy}: {'made' if made else 'already made'} {path}")
        if failed:
            raise CommandError(f"{failed} pack(s) could not be made; the printable pages still work.")
