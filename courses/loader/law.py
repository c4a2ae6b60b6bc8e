"""content/law/<region>.yaml: one law card per region."""

from __future__ import annotations

from .. import domain, schemas
from ..errors import Code
from .context import Context


def load_law_cards(ctx: Context, regions: dict[str, domain.Region]) -> dict[str, domain.LawCard]:
    cards = {}
    for path in ctx.yaml_files("law"):
        parsed = ctx.reader.read_yaml(path, schemas.LawCardFile)
        if parsed is None:
            continue
        region = ctx.region_file(path, parsed, regions)
        if region is None:
            continue
        ctx.watch(path, parsed)
        spec: schemas.LawCardFile = parsed.model
        entries = []
        first_of: dict[str, int] = {}
        for index, entry in enumerate(spec.entries):
            if entry.topic != "other" and entry.topic in first_of:
                ctx.reader.error(
                    path, parsed.line("entries", index, "topic"), f"entries[{index}].topic",
                    f"topic '{entry.topic}' is already answered by entries[{first_of[entry.topic]}]",
                    Code.LAW_TOPICS,
                )  # fmt: skip
                continue
            first_of.setdefault(entry.topic, index)
            ctx.check_sources(path, parsed, ("entries", index, "sources"), entry.sources)
            line = parsed.line("entries", index, "text")
            not_confirmed = tuple(
                ctx.reader.render(path, text, parsed.line("entries", index, "not_confirmed", i)).html
                for i, text in enumerate(entry.not_confirmed)
            )
            entries.append(
                domain.LawEntry(
                    topic=entry.topic,
                    heading=entry.heading,
                    html=ctx.reader.render(path, entry.text, line).html,
                    not_confirmed_html=not_confirmed,
                    sources=ctx.sources(entry.sources),
                )
            )
        for topic in schemas.LAW_TOPICS_REQUIRED:
            if topic not in first_of:
                ctx.reader.error(
                    path, parsed.line("entries"), "entries",
                    f"no entry for topic '{topic}': every card answers "
                    + ", ".join(schemas.LAW_TOPICS_REQUIRED),
                    Code.LAW_TOPICS,
                )  # fmt: skip
        order = {topic: place for place, topic in enumerate(schemas.LAW_TOPICS_REQUIRED)}
        entries.sort(key=lambda entry: order.get(entry.topic, len(order)))
        for_you = ctx.reader.render(path, spec.for_you, parsed.line("for_you"))
        if for_you.word_count > schemas.FOR_YOU_MAX_WORDS:
            ctx.reader.error(
                path, parsed.line("for_you"), "for_you",
                f"'What this means for you' has {for_you.word_count} words; "
                f"at most {schemas.FOR_YOU_MAX_WORDS} keep it readable at 13",
                Code.LAW_FOR_YOU_TOO_LONG,
            )  # fmt: skip
        cards[region.id] = domain.LawCard(
            region=region,
            title=spec.title,
            for_you_html=for_you.html,
            summary_html=ctx.reader.render(path, spec.summary, parsed.line("summary")).html,
            reviewed=spec.reviewed,
            entries=tuple(entries),
        )
    return cards
