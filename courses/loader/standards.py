"""content/standards/<framework>.yaml: curriculum frameworks, and the check of every `standards:` reference."""

from __future__ import annotations

from pathlib import Path

from .. import domain, schemas
from ..errors import Code
from ..reader import ParsedFile, where_of
from .context import Context


def load_standards(ctx: Context) -> domain.Standards:
    frameworks = []
    for path in ctx.yaml_files("standards"):
        parsed = ctx.reader.read_yaml(path, schemas.StandardsFile)
        if parsed is None:
            continue
        spec: schemas.StandardsFile = parsed.model
        if spec.id != path.stem:
            ctx.reader.error(
                path, parsed.line("id"), "id", f"id '{spec.id}' must match the file name '{path.stem}'",
                Code.NAME_MISMATCH,
            )  # fmt: skip
            continue
        _check_url(ctx, path, parsed, ("url",), spec.url)
        statements = []
        seen: set[str] = set()
        for index, statement in enumerate(spec.statements):
            if statement.code in seen:
                ctx.reader.error(
                    path, parsed.line("statements", index, "code"), f"statements[{index}].code",
                    f"code '{statement.code}' is listed twice", Code.DUPLICATE_ID,
                )  # fmt: skip
                continue
            seen.add(statement.code)
            if statement.url:
                _check_url(ctx, path, parsed, ("statements", index, "url"), statement.url)
            statements.append(
                domain.Statement(
                    framework_id=spec.id,
                    code=statement.code,
                    text=statement.text,
                    url=statement.url or spec.url,
                    section=statement.section,
                    stage=statement.stage,
                )
            )
        frameworks.append(
            domain.Framework(
                id=spec.id,
                name=spec.name,
                short_name=spec.short_name,
                region=spec.region,
                publisher=spec.publisher,
                url=spec.url,
                version=spec.version,
                as_of=spec.as_of,
                note=spec.note,
                statements=tuple(statements),
                licence=spec.licence,
            )
        )
    return domain.Standards(tuple(frameworks))


def _check_url(ctx: Context, path: Path, parsed: ParsedFile, loc: tuple, url: str) -> None:
    if not ctx.host_allowed(url):
        ctx.reader.error(
            path, parsed.line(*loc), where_of(loc),
            f"'{domain.host_of(url)}' is not an accepted publisher (publishers.yaml)", Code.SOURCE_NOT_ACCEPTED,
        )  # fmt: skip


def check_references(ctx: Context, path: Path, parsed: ParsedFile, refs: list[str]) -> tuple[str, ...]:
    """The references that name a statement in ``ctx.standards``; each other one is reported (content.E035)."""
    standards = ctx.standards
    known = []
    for index, ref in enumerate(refs):
        if standards.statement(ref) is not None:
            known.append(ref)
            continue
        framework_id = ref.split(":", 1)[0]
        framework = standards.framework(framework_id)
        if framework is None:
            message = f"no framework '{framework_id}' in standards/ (known: {_names(standards)})"
        else:
            message = f"'{framework.short_name}' has no statement '{ref.split(':', 1)[1]}'"
        ctx.reader.error(path, parsed.line("standards", index), f"standards[{index}]", message, Code.UNKNOWN_STANDARD)
    return tuple(known)


def _names(standards: domain.Standards) -> str:
    return ", ".join(f.id for f in standards.frameworks) or "none"
