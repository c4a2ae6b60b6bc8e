"""Read ``content/`` into a :class:`~courses.domain.Course`, collecting every error.

The steps for each file: read bytes → UTF-8 → (split front matter) → YAML
with positions → check ``schema_version`` → validate against the pydantic
schema → build frozen domain objects, rendering Markdown once. Nothing stops
at the first problem: each one becomes a :class:`ContentError` naming the file
and line, and loading goes on so an author sees them all in one run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import domain, schemas
from .errors import Code, ContentError
from .reader import ContentReader, ParsedFile, where_of

SLUG = re.compile(schemas.SLUG_PATTERN)
TEACHER_NOTES = "teacher.md"


@dataclass
class LoadResult:
    course: domain.Course | None
    errors: list[ContentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _sources(items: list[schemas.Source], publishers=None) -> tuple[domain.Source, ...]:
    """Domain sources; a source without its own publisher shows its host's name from publishers.yaml."""

    def publisher(source: schemas.Source) -> str | None:
        if source.publisher or publishers is None:
            return source.publisher
        known = publishers.find(source.url)
        return known.name if known else None

    return tuple(domain.Source(title=s.title, url=s.url, publisher=publisher(s), as_of=s.as_of) for s in items)


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []


class CourseLoader:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.reader = ContentReader(self.root)
        self.publishers = domain.Publishers({}, ())

    def load(self) -> LoadResult:
        course_path = self.root / "course.yaml"
        if not course_path.is_file():
            self.reader.error(course_path, 0, "", "course.yaml is missing", Code.MISSING_FILE)
            return LoadResult(course=None, errors=sorted(self.reader.errors))
        parsed = self.reader.read_yaml(course_path, schemas.CourseFile)
        if parsed is None:
            return LoadResult(course=None, errors=sorted(self.reader.errors))
        course_file: schemas.CourseFile = parsed.model
        self.publishers = self._publishers()
        self.reader.link_host_allowed = self._host_allowed
        regions = self._regions(course_path, parsed)
        first_steps = self._first_steps(course_path, parsed)
        guides = self._guides(course_file)
        # A broken guide is reported once, in its own file, not again by every module naming it.
        guide_ids = {path.stem for path in _markdown_files(self.root / "guides")}
        modules = self._modules(course_path, parsed, guide_ids)
        course = domain.Course(
            title=course_file.title,
            tagline=course_file.tagline,
            age_bands=tuple(domain.AgeBand(b.id, b.label, b.min, b.max) for b in course_file.age_bands),
            modules=tuple(modules),
            regions=tuple(regions.values()),
            guides=tuple(guides),
            law_cards=MappingProxyType(self._law_cards(regions)),
            help_directories=MappingProxyType(self._help_directories(regions)),
            first_steps=first_steps,
            publishers=self.publishers,
        )
        return LoadResult(course=course, errors=sorted(self.reader.errors))

    # --- publishers and sources ----------------------------------------------------------

    def _publishers(self) -> domain.Publishers:
        path = self.root / "publishers.yaml"
        if not path.is_file():
            self.reader.error(
                path, 0, "", "publishers.yaml is missing: sources are checked against it", Code.MISSING_FILE
            )
            return domain.Publishers({}, ())
        parsed = self.reader.read_yaml(path, schemas.PublishersFile)
        if parsed is None:
            return domain.Publishers({}, ())
        publishers: dict[str, domain.Publisher] = {}
        for index, publisher in enumerate(parsed.model.publishers):
            if publisher.host.startswith("www."):
                self.reader.error(
                    path, parsed.line("publishers", index, "host"), f"publishers[{index}].host",
                    "write the host without 'www.'", Code.INVALID_VALUE,
                )  # fmt: skip
            if publisher.host in publishers:
                self.reader.error(
                    path, parsed.line("publishers", index, "host"), f"publishers[{index}].host",
                    f"host '{publisher.host}' is listed twice", Code.DUPLICATE_ID,
                )  # fmt: skip
                continue
            publishers[publisher.host] = domain.Publisher(
                host=publisher.host, name=publisher.name, kind=publisher.kind, why=publisher.why
            )
        refused = tuple(domain.Refusal(prefix=r.prefix.rstrip("/"), why=r.why) for r in parsed.model.refused)
        return domain.Publishers(MappingProxyType(publishers), refused)

    def _host_allowed(self, url: str) -> bool:
        return self.publishers.find(url) is not None

    def _check_sources(self, path: Path, parsed: ParsedFile, loc: tuple, sources: list[schemas.Source]) -> None:
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
            elif not self._host_allowed(source.url):
                self.reader.error(
                    path, parsed.line(*place, "url"), f"{where}.url",
                    f"'{domain.host_of(source.url)}' is not an accepted publisher (publishers.yaml)",
                    Code.SOURCE_NOT_ACCEPTED,
                )  # fmt: skip

    def _first_steps(self, path: Path, parsed: ParsedFile) -> tuple[domain.FirstStep, ...]:
        steps = []
        seen: set[str] = set()
        for index, step in enumerate(parsed.model.first_steps):
            if step.id in seen:
                self.reader.error(
                    path, parsed.line("first_steps", index, "id"), f"first_steps[{index}].id",
                    f"duplicate step '{step.id}'", Code.DUPLICATE_ID,
                )  # fmt: skip
            seen.add(step.id)
            html = self.reader.render(path, step.text, parsed.line("first_steps", index, "text")).html.strip()
            if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
                html = html[3:-4]  # one paragraph: shown inline after the step's title
            steps.append(domain.FirstStep(id=step.id, title=step.title, html=html))
        return tuple(steps)

    # --- course.yaml ----------------------------------------------------------------------

    def _regions(self, path: Path, parsed: ParsedFile) -> dict[str, domain.Region]:
        regions: dict[str, domain.Region] = {}
        for index, region in enumerate(parsed.model.regions):
            if region.id in regions:
                line = parsed.line("regions", index)
                self.reader.error(path, line, f"regions[{index}]", f"duplicate region '{region.id}'", Code.DUPLICATE_ID)
            regions.setdefault(region.id, domain.Region(region.id, region.name))
        for index, band in enumerate(parsed.model.age_bands):
            if band.min > band.max:
                line = parsed.line("age_bands", index)
                self.reader.error(path, line, f"age_bands[{index}]", "min is above max", Code.INVALID_VALUE)
        return regions

    # --- modules --------------------------------------------------------------------------

    def _modules(self, course_path: Path, parsed: ParsedFile, guide_ids: set[str]) -> list[domain.Module]:
        modules_dir = self.root / "modules"
        listed: list[str] = []
        modules = []
        for index, module_id in enumerate(parsed.model.modules):
            line = parsed.line("modules", index)
            if module_id in listed:
                self.reader.error(
                    course_path, line, f"modules[{index}]", f"module '{module_id}' is listed twice", Code.DUPLICATE_ID
                )
                continue
            listed.append(module_id)
            folder = modules_dir / module_id
            if not (folder / "module.yaml").is_file():
                self.reader.error(
                    course_path, line, f"modules[{index}]", f"no module.yaml in modules/{module_id}/", Code.MISSING_FILE
                )
                continue
            module = self._module(folder, len(modules) + 1, guide_ids)
            if module is not None:
                modules.append(module)
        if modules_dir.is_dir():
            for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
                if folder.name not in listed:
                    self.reader.error(
                        course_path,
                        parsed.line("modules"),
                        "modules",
                        f"module folder 'modules/{folder.name}/' is not listed",
                        Code.UNLISTED_FILE,
                    )
        return modules

    def _module(self, folder: Path, number: int, guide_ids: set[str]) -> domain.Module | None:
        path = folder / "module.yaml"
        parsed = self.reader.read_yaml(path, schemas.ModuleFile)
        if parsed is None:
            return None
        spec: schemas.ModuleFile = parsed.model
        if spec.id != folder.name:
            self.reader.error(
                path,
                parsed.line("id"),
                "id",
                f"id '{spec.id}' must match its folder '{folder.name}'",
                Code.NAME_MISMATCH,
            )
        if spec.parent_guide and spec.parent_guide not in guide_ids:
            self.reader.error(
                path,
                parsed.line("parent_guide"),
                "parent_guide",
                f"no guide 'guides/{spec.parent_guide}.md'",
                Code.UNKNOWN_REFERENCE,
            )
        self._check_sources(path, parsed, ("sources",), spec.sources)

        lessons: list[domain.Lesson] = []
        seen: set[str] = set()
        for index, lesson_id in enumerate(spec.lessons):
            line = parsed.line("lessons", index)
            if lesson_id in seen:
                self.reader.error(
                    path, line, f"lessons[{index}]", f"lesson '{lesson_id}' is listed twice", Code.DUPLICATE_ID
                )
                continue
            seen.add(lesson_id)
            lesson_path = folder / f"{lesson_id}.md"
            if not lesson_path.is_file():
                self.reader.error(
                    path, line, f"lessons[{index}]", f"lesson file '{lesson_id}.md' is missing", Code.MISSING_FILE
                )
                continue
            lesson = self._lesson(lesson_path, spec.id, len(lessons) + 1)
            if lesson is not None:
                lessons.append(lesson)
        for extra in _markdown_files(folder):
            if extra.name != TEACHER_NOTES and extra.stem not in seen:
                self.reader.error(
                    path,
                    parsed.line("lessons"),
                    "lessons",
                    f"lesson file '{extra.name}' is not listed",
                    Code.UNLISTED_FILE,
                )

        teacher_notes = None
        notes_path = folder / TEACHER_NOTES
        if notes_path.is_file():
            teacher_notes = self._teacher_notes(notes_path)
        else:
            self.reader.error(
                path, 1, "", f"'{TEACHER_NOTES}' is missing (every module has teacher notes)", Code.MISSING_FILE
            )

        digest = hashlib.sha256(
            "".join([parsed.digest, *(lesson.content_hash for lesson in lessons)]).encode()
        ).hexdigest()[:16]
        return domain.Module(
            id=spec.id,
            number=number,
            title=spec.title,
            summary=spec.summary,
            age_min=spec.age_min,
            objectives=tuple(spec.objectives),
            standards=tuple(spec.standards),
            lessons=tuple(lessons),
            content_note=spec.content_note,
            parent_guide_id=spec.parent_guide,
            folder=folder,
            quiz_file=spec.quiz,
            sources=_sources(spec.sources, self.publishers),
            reviewed=spec.reviewed,
            teacher_notes=teacher_notes,
            content_hash=digest,
        )

    def _lesson(self, path: Path, module_id: str, number: int) -> domain.Lesson | None:
        if not SLUG.match(path.stem):
            self.reader.error(path, 0, "", "a lesson file name must be a lowercase slug", Code.NAME_MISMATCH)
            return None
        read = self.reader.read_markdown(path, schemas.LessonFrontMatter)
        if read is None:
            return None
        parsed, body, body_line = read
        front: schemas.LessonFrontMatter = parsed.model
        rendered = self.reader.render(path, body, body_line)
        return domain.Lesson(
            module_id=module_id,
            id=path.stem,
            number=number,
            title=front.title,
            minutes=front.minutes,
            objectives=tuple(front.objectives),
            content_note=front.content_note,
            html=rendered.html,
            headings=rendered.headings,
            word_count=rendered.word_count,
            content_hash=parsed.digest,
            show_law_card=front.show_law_card,
        )

    def _teacher_notes(self, path: Path) -> domain.TeacherNotes | None:
        read = self.reader.read_markdown(path, schemas.TeacherNotesFrontMatter)
        if read is None:
            return None
        parsed, body, body_line = read
        rendered = self.reader.render(path, body, body_line)
        return domain.TeacherNotes(
            title=parsed.model.title, minutes=parsed.model.minutes, html=rendered.html, headings=rendered.headings
        )

    # --- guides, law, help ----------------------------------------------------------------

    def _guides(self, course_file: schemas.CourseFile) -> list[domain.Guide]:
        guides = []
        for path in _markdown_files(self.root / "guides"):
            if not SLUG.match(path.stem):
                self.reader.error(path, 0, "", "a guide file name must be a lowercase slug", Code.NAME_MISMATCH)
                continue
            read = self.reader.read_markdown(path, schemas.GuideFrontMatter)
            if read is None:
                continue
            parsed, body, body_line = read
            front: schemas.GuideFrontMatter = parsed.model
            for index, module_id in enumerate(front.modules):
                if module_id not in course_file.modules:
                    line = parsed.line("modules", index)
                    self.reader.error(
                        path, line, f"modules[{index}]", f"unknown module '{module_id}'", Code.UNKNOWN_REFERENCE
                    )
            self._check_sources(path, parsed, ("sources",), front.sources)
            rendered = self.reader.render(path, body, body_line)
            guides.append(
                domain.Guide(
                    id=path.stem,
                    title=front.title,
                    audience=front.audience,
                    summary=front.summary,
                    module_ids=tuple(front.modules),
                    content_note=front.content_note,
                    reviewed=front.reviewed,
                    sources=_sources(front.sources, self.publishers),
                    html=rendered.html,
                    headings=rendered.headings,
                    word_count=rendered.word_count,
                )
            )
        return sorted(guides, key=lambda guide: guide.title.lower())

    def _region_file(self, path: Path, parsed: ParsedFile, regions: dict[str, domain.Region]) -> domain.Region | None:
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

    def _check_help_kinds(self, path: Path, parsed: ParsedFile, services: list[domain.HelpService]) -> None:
        for loc, message in _help_kind_problems(services, parsed.model.missing):
            self.reader.error(path, parsed.line(*loc), where_of(loc), message, Code.HELP_KINDS)

    def _yaml_files(self, folder: str) -> list[Path]:
        directory = self.root / folder
        return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []

    def _law_cards(self, regions: dict[str, domain.Region]) -> dict[str, domain.LawCard]:
        cards = {}
        for path in self._yaml_files("law"):
            parsed = self.reader.read_yaml(path, schemas.LawCardFile)
            if parsed is None:
                continue
            region = self._region_file(path, parsed, regions)
            if region is None:
                continue
            spec: schemas.LawCardFile = parsed.model
            entries = []
            first_of: dict[str, int] = {}
            for index, entry in enumerate(spec.entries):
                if entry.topic != "other" and entry.topic in first_of:
                    self.reader.error(
                        path, parsed.line("entries", index, "topic"), f"entries[{index}].topic",
                        f"topic '{entry.topic}' is already answered by entries[{first_of[entry.topic]}]",
                        Code.LAW_TOPICS,
                    )  # fmt: skip
                    continue
                first_of.setdefault(entry.topic, index)
                self._check_sources(path, parsed, ("entries", index, "sources"), entry.sources)
                line = parsed.line("entries", index, "text")
                not_confirmed = tuple(
                    self.reader.render(path, text, parsed.line("entries", index, "not_confirmed", i)).html
                    for i, text in enumerate(entry.not_confirmed)
                )
                entries.append(
                    domain.LawEntry(
                        topic=entry.topic,
                        heading=entry.heading,
                        html=self.reader.render(path, entry.text, line).html,
                        not_confirmed_html=not_confirmed,
                        sources=_sources(entry.sources, self.publishers),
                    )
                )
            for topic in schemas.LAW_TOPICS_REQUIRED:
                if topic not in first_of:
                    self.reader.error(
                        path, parsed.line("entries"), "entries",
                        f"no entry for topic '{topic}': every card answers "
                        + ", ".join(schemas.LAW_TOPICS_REQUIRED),
                        Code.LAW_TOPICS,
                    )  # fmt: skip
            order = {topic: place for place, topic in enumerate(schemas.LAW_TOPICS_REQUIRED)}
            entries.sort(key=lambda entry: order.get(entry.topic, len(order)))
            for_you = self.reader.render(path, spec.for_you, parsed.line("for_you"))
            if for_you.word_count > schemas.FOR_YOU_MAX_WORDS:
                self.reader.error(
                    path, parsed.line("for_you"), "for_you",
                    f"'What this means for you' has {for_you.word_count} words; "
                    f"at most {schemas.FOR_YOU_MAX_WORDS} keep it readable at 13",
                    Code.LAW_FOR_YOU_TOO_LONG,
                )  # fmt: skip
            cards[region.id] = domain.LawCard(
                region=region,
                title=spec.title,
                for_you_html=for_you.html,
                summary_html=self.reader.render(path, spec.summary, parsed.line("summary")).html,
                reviewed=spec.reviewed,
                entries=tuple(entries),
            )
        return cards

    def _help_directories(self, regions: dict[str, domain.Region]) -> dict[str, domain.HelpDirectory]:
        directories = {}
        for path in self._yaml_files("help"):
            parsed = self.reader.read_yaml(path, schemas.HelpDirectoryFile)
            if parsed is None:
                continue
            region = self._region_file(path, parsed, regions)
            if region is None:
                continue
            spec: schemas.HelpDirectoryFile = parsed.model
            services = []
            seen: set[str] = set()
            for index, service in enumerate(spec.services):
                if service.id in seen:
                    line = parsed.line("services", index, "id")
                    self.reader.error(
                        path, line, f"services[{index}].id", f"duplicate service '{service.id}'", Code.DUPLICATE_ID
                    )
                    continue
                seen.add(service.id)
                self._check_sources(path, parsed, ("services", index, "sources"), service.sources)
                if service.url and not self._host_allowed(service.url):
                    self.reader.error(
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
                        sources=_sources(service.sources, self.publishers),
                    )
                )
            self._check_help_kinds(path, parsed, services)
            missing = {
                kind: self.reader.render(path, text, parsed.line("missing", kind)).html
                for kind, text in spec.missing.items()
            }
            directories[region.id] = domain.HelpDirectory(
                region=region, services=tuple(services), missing_html=MappingProxyType(missing)
            )
        return directories


_CONTACT_NEEDED = {
    "emergency": "a phone number",
    "youth-line": "a phone number or a text line",
    "crisis-line": "a phone number or a text line",
}


def _reachable_by(service: domain.HelpService, kind: str) -> bool:
    return bool(service.phone) if kind == "emergency" else bool(service.phone or service.text_message)


def _help_kind_problems(services, missing: dict) -> list[tuple[tuple, str]]:
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


def load_course(root: Path | str) -> LoadResult:
    """Load the course in ``root`` (a folder holding course.yaml), with every error found."""
    return CourseLoader(Path(root)).load()
