"""Print the content hash content/changes.yaml records for a law card or help directory."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


def content_hash(path: Path) -> str:
    """The first 16 hex digits of the SHA-256 of the file's bytes: the hash the content loader compares."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # it must work while the check refuses a changed file
    help = (
        "Print each file's content hash as content/changes.yaml records it (law/<region>.yaml: <hash>). "
        "Give files or folders; with none, every law card and help directory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="files or folders, e.g. content/law/scotland.yaml")

    def handle(self, *args, **options) -> None:
        root = Path(settings.PAUSE_CONTENT_DIR).resolve()
        given = [Path(p) for p in options["paths"]] or [root / "law", root / "help"]
        files: list[Path] = []
        for path in given:
            if path.is_dir():
                files.extend(sorted(path.glob("*.yaml")))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{path}: no such file or folder")
        for file in files:
            resolved = file.resolve()
            try:
                name = resolved.relative_to(root).as_posix()
            except ValueError:
                name = file.as_posix()
            self.stdout.write(f"{name}: {content_hash(resolved)}")
