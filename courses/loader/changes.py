"""content/changes.yaml: the public changelog, and the check that it records every law card and help change.

Each law card and help directory's content hash (the first 16 hex digits of the SHA-256 of its bytes, as
``manage.py changes_hash`` prints it) must equal the hash its latest entry records: the latest date, and on
the same date the entry lower in the file. A file with other errors is checked once they are fixed.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from .. import domain, schemas
from ..errors import Code
from .context import Context

CHANGES_FILE = "changes.yaml"
CRISIS_WORDS_FILE = "crisis-words.yaml"


def load_crisis_words(ctx: Context) -> tuple[str, ...]:
    """The crisis words (lowercase), or none when the file is missing."""
    path = ctx.root / CRISIS_WORDS_FILE
    if not path.is_file():
        return ()
    parsed = ctx.reader.read_yaml(path, schemas.CrisisWordsFile)
    return tuple(dict.fromkeys(p.lower() for p in parsed.model.phrases)) if parsed else ()


def load_changes(ctx: Context, regions: dict[str, domain.Region]) -> tuple[domain.Change, ...]:
    """The changelog, newest first (an empty one when changes.yaml is missing, so every watched file fails)."""
    path = ctx.root / CHANGES_FILE
    changes: list[tuple[tuple, domain.Change, int]] = []  # (sort key, change, line of its files)
    if path.is_file():
        parsed = ctx.reader.read_yaml(path, schemas.ChangesFile)
        if parsed is not None:
            spec: schemas.ChangesFile = parsed.model
            seen: set[str] = set()
            for index, entry in enumerate(spec.entries):
                if entry.id in seen:
                    ctx.reader.error(
                        path, parsed.line("entries", index, "id"), f"entries[{index}].id",
                        f"duplicate entry '{entry.id}'", Code.DUPLICATE_ID,
                    )  # fmt: skip
                seen.add(entry.id)
                for place, region_id in enumerate(entry.regions):
                    if region_id not in regions:
                        ctx.reader.error(
                            path, parsed.line("entries", index, "regions", place),
                            f"entries[{index}].regions[{place}]",
                            f"region '{region_id}' is not listed in course.yaml", Code.UNKNOWN_REFERENCE,
                        )  # fmt: skip
                for file in entry.files:
                    if not (ctx.root / file).is_file():
                        ctx.reader.error(
                            path, parsed.line("entries", index, "files", file), f"entries[{index}].files",
                            f"'{file}' is not a file in {ctx.reader.display(ctx.root)}/", Code.UNKNOWN_REFERENCE,
                        )  # fmt: skip
                summary = ctx.reader.render(path, entry.summary, parsed.line("entries", index, "summary"))
                change = domain.Change(
                    id=entry.id,
                    date=entry.date,
                    kind=entry.kind,
                    title=entry.title,
                    summary_html=summary.html,
                    regions=tuple(regions[r] for r in entry.regions if r in regions),
                    link=entry.link,
                    files=MappingProxyType(dict(entry.files)),
                )
                lines = {file: parsed.line("entries", index, "files", file) for file in entry.files}
                changes.append(((entry.date, index), change, lines))  # type: ignore[arg-type]
    changes.sort(key=lambda item: item[0], reverse=True)
    _check_recorded(ctx, path, [(change, lines) for _, change, lines in changes])  # type: ignore[misc]
    return tuple(change for _, change, _ in changes)


def _check_recorded(ctx: Context, changes_path: Path, changes: list[tuple[domain.Change, dict[str, int]]]) -> None:
    broken = {error.path for error in ctx.reader.errors}
    shown = ctx.reader.display(changes_path)
    for name, (path, digest) in sorted(ctx.watched.items()):
        if ctx.reader.display(path) in broken:
            continue
        latest = next(((change, lines[name]) for change, lines in changes if name in change.files), None)
        fix = (
            f"add an entry to {shown} that says what changed, with `{name}: {digest}` under its files "
            f"(`python manage.py changes_hash {ctx.reader.display(path)}` prints the hash) [see docs/authoring.md]"
        )
        if latest is None:
            ctx.reader.error(path, 1, "", f"no entry in {shown} records this file: {fix}", Code.CHANGE_NOT_RECORDED)
        elif latest[0].files[name] != digest:
            change, line = latest
            ctx.reader.error(
                path, 1, "",
                f"changed since its latest entry in {shown} ('{change.id}', line {line}, records "
                f"{change.files[name]}; the file's hash is now {digest}): {fix}",
                Code.CHANGE_NOT_RECORDED,
            )  # fmt: skip
