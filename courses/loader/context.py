"""What every part of loading shares: the reader, the accepted publishers and a few helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import domain, schemas
from ..errors import Code
from ..reader import ContentReader, ParsedFile, where_of


@dataclass
class Context:
    """One load of the course: ``root`` (the folder with course.yaml), its reader, its publishers and standards."""

    root: Path
    reader: ContentReader
    publishers: domain.Publishers = field(default_factory=lambda: domain.Publishers({}, ()))
    standards: domain.Standards = field(default_factory=domain.Standards)  # content/standards/, read before modules
    # Law cards and help directories read so far, for the changelog check: "law/x.yaml" -> (file, hash).
    watched: dict[str, tuple[Path, str]] = field(default_factory=dict)

    def watch(self, path: Path, parsed: ParsedFile) -> None:
        """Remember a law card's or help directory's content hash: changes.yaml must record it."""
        self.watched[path.relative_to(self.root).as_posix()] = (path, parsed.digest)

    def host_allowed(self, url: str) -> bool:
        return self.publishers.find(url) is not None

    def sources(self, items: list[schemas.Source]) -> tuple[domain.Source, ...]:
        """Domain sources; a source without its own publisher shows its host's name from publishers.yaml."""

        def publisher(source: schemas.Source) -> str | None:
            if source.publisher:
                return source.publisher
            known = self.publishers.find(source.url)
            return known.name if known else None

        return tuple(domain.Source(title=s.title, url=s.url, publisher=publisher(s), as_of=s.as_of) for s in items)

    def check_sources(self, path: Path, parsed: ParsedFile, loc: tuple, sources: list[schemas.Source]) -> None:
        """Every source has a URL on an accepted publisher's host (content.E030)."""
        for index, source in enumerate(sources):
            place = (*loc, index)
            where = where_of(place)
            if not source.url:
                self.reader.error(
                    path, parsed.line(*place), where,
                    f"source '{source.title}' has no url: every source needs one, on a host in publishers.yaml",
                    Code.SOURCE_NOT_ACCEPTED,
                )  # fmt: skip
            elif not self.host_allowed(source.url):
                self.reader.error(
                    path, parsed.line(*place, "url"), f"{where}.url",
                    f"'{domain.host_of(source.url)}' is not an accepted publisher (publishers.yaml)",
                    Code.SOURCE_NOT_ACCEPTED,
                )  # fmt: skip

    def region_file(self, path: Path, parsed: ParsedFile, regions: dict[str, domain.Region]) -> domain.Region | None:
        region_id = parsed.model.region
        if region_id != path.stem:
            self.reader.error(
                path,
                parsed.line("region"),
                "region",
                f"region '{region_id}' must match the file name '{path.stem}'",
                Code.NAME_MISMATCH,
            )
            return None
        if region_id not in regions:
            self.reader.error(
                path,
                parsed.line("region"),
                "region",
                f"region '{region_id}' is not listed in course.yaml",
                Code.UNKNOWN_REFERENCE,
            )
            return None
        return regions[region_id]

    def markdown_files(self, folder: Path) -> list[Path]:
        return sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []

    def yaml_files(self, folder: str) -> list[Path]:
        directory = self.root / folder
        return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []
