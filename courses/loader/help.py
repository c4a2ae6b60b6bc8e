"""content/help/<region>.yaml: each region's help services, and what a reader in crisis must find."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from .. import domain, schemas
from ..errors import Code
from ..reader import ParsedFile, where_of
from .context import Context


def load_help_directories(ctx: Context, regions: dict[str, domain.Region]) -> dict[str, domain.HelpDirectory]:
    directories = {}
    for path in ctx.yaml_files("help"):
        parsed = ctx.reader.read_yaml(path, schemas.HelpDirectoryFile)
        if parsed is None:
            continue
        region = ctx.region_file(path, parsed, regions)
        if region is None:
            continue
        ctx.watch(path, parsed)
        spec: schemas.HelpDirectoryFile = parsed.model
        services = []
        seen: set[str] = set()
        for index, service in enumerate(spec.services):
            if service.id in seen:
                line = parsed.line("services", index, "id")
                ctx.reader.error(
                    path, line, f"services[{index}].id", f"duplicate service '{service.id}'", Code.DUPLICATE_ID
                )
                continue
            seen.add(service.id)
            ctx.check_sources(path, parsed, ("services", index, "sources"), service.sources)
            if service.url and not ctx.host_allowed(service.url):
                ctx.reader.error(
                    path, parsed.line("services", index, "url"), f"services[{index}].url",
                    f"'{domain.host_of(service.url)}' is not an accepted publisher (publishers.yaml)",
                    Code.SOURCE_NOT_ACCEPTED,
                )  # fmt: skip
            services.append(
                domain.HelpService(
                    id=service.id,
                    name=service.name,
                    kinds=tuple(service.kinds),
                    run_by=service.run_by,
                    image_age=service.image_age,
                    for_whom=service.for_whom,
                    what=service.what,
                    how=service.how,
                    hours=service.hours,
                    stays_on_device=service.stays_on_device,
                    url=service.url,
                    phone=service.phone,
                    text_message=service.text_message,
                    sources=ctx.sources(service.sources),
                )
            )
        _check_help_kinds(ctx, path, parsed, services)
        missing: dict[str, str] = {
            kind: ctx.reader.render(path, text, parsed.line("missing", kind)).html
            for kind, text in spec.missing.items()
        }
        directories[region.id] = domain.HelpDirectory(
            region=region, services=tuple(services), missing_html=MappingProxyType(missing)
        )
    return directories


def _check_help_kinds(ctx: Context, path: Path, parsed: ParsedFile, services: list[domain.HelpService]) -> None:
    for loc, message in _help_kind_problems(services, parsed.model.missing):
        ctx.reader.error(path, parsed.line(*loc), where_of(loc), message, Code.HELP_KINDS)


_CONTACT_NEEDED = {
    "emergency": "a phone number",
    "youth-line": "a phone number or a text line",
    "crisis-line": "a phone number or a text line",
}


def _reachable_by(service: domain.HelpService, kind: str) -> bool:
    return bool(service.phone) if kind == "emergency" else bool(service.phone or service.text_message)


def _help_kind_problems(
    services: list[domain.HelpService], missing: Mapping[str, str]
) -> list[tuple[tuple[str, ...], str]]:
    """What a region's help directory lacks of the help a reader in crisis needs (content.E033)."""
    problems: list[tuple[tuple, str]] = []
    present = {kind for service in services for kind in service.kinds}
    for kind in schemas.HELP_KINDS_REQUIRED:
        if kind in missing:
            problems.append((("missing", kind), f"'{kind}' cannot be left out: every region needs one"))
        if kind not in present:
            problems.append((("services",), f"no '{kind}' service: every region needs one"))
        elif kind in _CONTACT_NEEDED and not any(_reachable_by(s, kind) for s in services if kind in s.kinds):
            problems.append((("services",), f"no '{kind}' service with {_CONTACT_NEEDED[kind]}"))
    for kind in schemas.HELP_KINDS_REQUIRED_OR_EXPLAINED:
        if kind not in present and kind not in missing:
            problems.append(
                (("services",), f"no '{kind}' service: list one, or say under 'missing' what to do instead")
            )
    for kind in missing:
        if kind in present and kind not in schemas.HELP_KINDS_REQUIRED:
            problems.append((("missing", kind), f"'{kind}' is listed under 'missing' but a service has it"))
    return problems
