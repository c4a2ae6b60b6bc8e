"""Read ``content/`` into a :class:`~courses.domain.Course`, collecting every error.

The steps for each file: read bytes → UTF-8 → (split front matter) → YAML
with positions → check ``schema_version`` → validate against the pydantic
schema → build frozen domain objects, rendering Markdown once. Nothing stops
at the first problem: each one becomes a :class:`ContentError` naming the file
and line, and loading goes on so an author sees them all in one run.

This module reads course.yaml and puts the course together; each other kind of
file has its own module here (modules, guides, law, help, publishers, standards).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .. import domain, schemas
from ..errors import Code, ContentError
from ..reader import ContentReader, ParsedFile
from .changes import load_changes, load_crisis_words
from .context import Context
from .guides import load_guides
from .help import load_help_directories
from .law import load_law_cards
from .modules import load_modules
from .publishers import read_publishers
from .standards import load_standards


@dataclass
class LoadResult:
    course: domain.Course | None
    errors: list[ContentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_course(root: Path | str) -> LoadResult:
    """Load the course in ``root`` (a folder holding course.yaml), with every error found."""
    root = Path(root)
    ctx = Context(root=root, reader=ContentReader(root))
    course_path = ctx.root / "course.yaml"
    if not course_path.is_file():
        ctx.reader.error(course_path, 0, "", "course.yaml is missing", Code.MISSING_FILE)
        return LoadResult(course=None, errors=sorted(ctx.reader.errors))
    parsed = ctx.reader.read_yaml(course_path, schemas.CourseFile)
    if parsed is None:
        return LoadResult(course=None, errors=sorted(ctx.reader.errors))
    course_file: schemas.CourseFile = parsed.model
    ctx.publishers = read_publishers(ctx)
    ctx.reader.link_host_allowed = ctx.host_allowed
    regions = _regions(ctx, course_path, parsed)
    first_steps = _first_steps(ctx, course_path, parsed)
    ctx.standards = load_standards(ctx)
    guides = load_guides(ctx, course_file)
    # A broken guide is reported once, in its own file, not again by every module naming it.
    guide_ids = {path.stem for path in ctx.markdown_files(ctx.root / "guides")}
    loaded = {guide.id for guide in guides}
    parent_guide_ids = {guide.id for guide in guides if guide.audience == "parents"} | (guide_ids - loaded)
    modules = load_modules(ctx, course_path, parsed, guide_ids, parent_guide_ids)
    law_cards = load_law_cards(ctx, regions)
    help_directories = load_help_directories(ctx, regions)
    course = domain.Course(
        title=course_file.title,
        tagline=course_file.tagline,
        age_bands=tuple(domain.AgeBand(b.id, b.label, b.min, b.max) for b in course_file.age_bands),
        modules=tuple(modules),
        regions=tuple(regions.values()),
        guides=tuple(guides),
        law_cards=MappingProxyType(law_cards),
        help_directories=MappingProxyType(help_directories),
        first_steps=first_steps,
        publishers=ctx.publishers,
        crisis_words=load_crisis_words(ctx),
        changes=load_changes(ctx, regions),  # last: it checks the law cards' and help directories' hashes
        standards=ctx.standards,
    )
    return LoadResult(course=course, errors=sorted(ctx.reader.errors))


def _first_steps(ctx: Context, path: Path, parsed: ParsedFile) -> tuple[domain.FirstStep, ...]:
    steps = []
    seen: set[str] = set()
    for index, step in enumerate(parsed.model.first_steps):
        if step.id in seen:
            ctx.reader.error(
                path, parsed.line("first_steps", index, "id"), f"first_steps[{index}].id",
                f"duplicate step '{step.id}'", Code.DUPLICATE_ID,
            )  # fmt: skip
        seen.add(step.id)
        html = ctx.reader.render(path, step.text, parsed.line("first_steps", index, "text")).html.strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]  # one paragraph: shown inline after the step's title
        steps.append(domain.FirstStep(id=step.id, title=step.title, html=html))
    return tuple(steps)


def _regions(ctx: Context, path: Path, parsed: ParsedFile) -> dict[str, domain.Region]:
    regions: dict[str, domain.Region] = {}
    for index, region in enumerate(parsed.model.regions):
        if region.id in regions:
            line = parsed.line("regions", index)
            ctx.reader.error(path, line, f"regions[{index}]", f"duplicate region '{region.id}'", Code.DUPLICATE_ID)
        regions.setdefault(region.id, domain.Region(region.id, region.name, region.name_after_in or ""))
    for index, band in enumerate(parsed.model.age_bands):
        if band.min > band.max:
            line = parsed.line("age_bands", index)
            ctx.reader.error(path, line, f"age_bands[{index}]", "min is above max", Code.INVALID_VALUE)
    return regions
