"""content/guides/: the guides for parents and teachers."""

from __future__ import annotations

from .. import domain, schemas
from ..errors import Code
from .context import Context
from .modules import SLUG


def load_guides(ctx: Context, course_file: schemas.CourseFile) -> list[domain.Guide]:
    guides = []
    for path in ctx.markdown_files(ctx.root / "guides"):
        if not SLUG.match(path.stem):
            ctx.reader.error(path, 0, "", "a guide file name must be a lowercase slug", Code.NAME_MISMATCH)
            continue
        read = ctx.reader.read_markdown(path, schemas.GuideFrontMatter)
        if read is None:
            continue
        parsed, body, body_line = read
        front: schemas.GuideFrontMatter = parsed.model
        for index, module_id in enumerate(front.modules):
            if module_id not in course_file.modules:
                line = parsed.line("modules", index)
                ctx.reader.error(
                    path, line, f"modules[{index}]", f"unknown module '{module_id}'", Code.UNKNOWN_REFERENCE
                )
        ctx.check_sources(path, parsed, ("sources",), front.sources)
        rendered = ctx.reader.render(path, body, body_line)
        guides.append(
            domain.Guide(
                id=path.stem,
                title=front.title,
                audience=front.audience,
                summary=front.summary,
                module_ids=tuple(front.modules),
                content_note=front.content_note,
                reviewed=front.reviewed,
                sources=ctx.sources(front.sources),
                html=rendered.html,
                headings=rendered.headings,
                word_count=rendered.word_count,
            )
        )
    return sorted(guides, key=lambda guide: guide.title.lower())
