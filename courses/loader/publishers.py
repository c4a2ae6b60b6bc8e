"""content/publishers.yaml: the hosts a source or a link may be on, and what is refused beneath them."""

from __future__ import annotations

from types import MappingProxyType

from .. import domain, schemas
from ..errors import Code
from .context import Context


def read_publishers(ctx: Context) -> domain.Publishers:
    path = ctx.root / "publishers.yaml"
    if not path.is_file():
        ctx.reader.error(path, 0, "", "publishers.yaml is missing: sources are checked against it", Code.MISSING_FILE)
        return domain.Publishers({}, ())
    parsed = ctx.reader.read_yaml(path, schemas.PublishersFile)
    if parsed is None:
        return domain.Publishers({}, ())
    publishers: dict[str, domain.Publisher] = {}
    for index, publisher in enumerate(parsed.model.publishers):
        if publisher.host.startswith("www."):
            ctx.reader.error(
                path, parsed.line("publishers", index, "host"), f"publishers[{index}].host",
                "write the host without 'www.'", Code.INVALID_VALUE,
            )  # fmt: skip
        if publisher.host in publishers:
            ctx.reader.error(
                path, parsed.line("publishers", index, "host"), f"publishers[{index}].host",
                f"host '{publisher.host}' is listed twice", Code.DUPLICATE_ID,
            )  # fmt: skip
            continue
        publishers[publisher.host] = domain.Publisher(
            host=publisher.host, name=publisher.name, kind=publisher.kind, why=publisher.why
        )
    refused = tuple(domain.Refusal(prefix=r.prefix.rstrip("/"), why=r.why) for r in parsed.model.refused)
    return domain.Publishers(MappingProxyType(publishers), refused)
