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
from .errors import ContentError
from .reader import ContentReader, ParsedFile
from .render_cache import RenderCache

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEACHER_NOTES = "teacher.md"


@dataclass
class LoadResult:
    course: domain.Course | None
    errors: list[ContentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _sources(items: list[schemas.Source]) -> tuple[domain.Source, ...]:
    return tuple(domain.Source(title=s.title, url=s.url, publisher=s.publisher, as_of=s.as_of) for s in items)


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []


class CourseLoader:
    def __init__(self, root: Path, render_cache: RenderCache | None = None):
        self.root = Path(root)
        self.reader = ContentReader(self.root, render_cache.render if render_cache else None)

    def load(self) -> LoadResult:
        course_path = self.root / "course.yaml"
        if not course_path.is_file():
            self.reader.error(course_path, 0, "", "course.yaml is missing", "content.E011")
            return LoadResult(course=None, errors=sorted(self.reader.errors))
        parsed = self.reader.read_yaml(course_path, schemas.CourseFile)
        if parsed is None:
            return LoadResult(course=None, errors=sorted(self.reader.errors))
        course_file: schemas.CourseFile = parsed.model
        regions = self._regions(course_path, parsed)
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
        )
        return LoadResult(course=course, errors=sorted(self.reader.errors))

    # --- course.yaml ----------------------------------------------------------------------

    def _regions(self, path: Path, parsed: ParsedFile) -> dict[str, domain.Region]:
        regions: dict[str, domain.Region] = {}
        for index, region in enumerate(parsed.model.regions):
            if region.id in regions:
                line = parsed.line("regions", index)
                self.reader.error(path, line, f"regions[{index}]", f"duplicate region '{region.id}'", "content.E013")
            regions.setdefault(region.id, domain.Region(region.id, region.name))
        for index, band in enumerate(parsed.model.age_bands):
            if band.min > band.max:
                line = parsed.line("age_bands", index)
                self.reader.error(path, line, f"age_bands[{index}]", "min is above max", "content.E008")
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
                    course_path, line, f"modules[{index}]", f"module '{module_id}' is listed twice", "content.E013"
                )
                continue
            listed.append(module_id)
            folder = modules_dir / module_id
            if not (folder / "module.yaml").is_file():
                self.reader.error(
                    course_path, line, f"modules[{index}]", f"no module.yaml in modules/{module_id}/", "content.E011"
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
                        "content.E012",
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
                path, parsed.line("id"), "id", f"id '{spec.id}' must match its folder '{folder.name}'", "content.E017"
            )
        if spec.parent_guide and spec.parent_guide not in guide_ids:
            self.reader.error(
                path,
                parsed.line("parent_guide"),
                "parent_guide",
                f"no guide 'guides/{spec.parent_guide}.md'",
                "content.E010",
            )
        quiz_path = None
        if spec.quiz:
            quiz_path = folder / spec.quiz
            if not quiz_path.is_file():
                self.reader.error(path, parsed.line("quiz"), "quiz", f"'{spec.quiz}' is missing", "content.E011")
                quiz_path = None

        lessons: list[domain.Lesson] = []
        seen: set[str] = set()
        for index, lesson_id in enumerate(spec.lessons):
            line = parsed.line("lessons", index)
            if lesson_id in seen:
                self.reader.error(
                    path, line, f"lessons[{index}]", f"lesson '{lesson_id}' is listed twice", "content.E013"
                )
                continue
            seen.add(lesson_id)
            lesson_path = folder / f"{lesson_id}.md"
            if not lesson_path.is_file():
                self.reader.error(
                    path, line, f"lessons[{index}]", f"lesson file '{lesson_id}.md' is missing", "content.E011"
                )
                continue
            lesson = self._lesson(lesson_path, spec.id, len(lessons) + 1)
            if lesson is not None:
                lessons.append(lesson)
        for extra in _markdown_files(folder):
            if extra.name != TEACHER_NOTES and extra.stem not in seen:
                self.reader.error(
                    path, parsed.line("lessons"), "lessons", f"lesson file '{extra.name}' is not listed", "content.E012"
                )

        teacher_notes = None
        notes_path = folder / TEACHER_NOTES
        if notes_path.is_file():
            teacher_notes = self._teacher_notes(notes_path)
        else:
            self.reader.error(
                path, 1, "", f"'{TEACHER_NOTES}' is missing (every module has teacher notes)", "content.E011"
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
            quiz_path=quiz_path,
            sources=_sources(spec.sources),
            reviewed=spec.reviewed,
            teacher_notes=teacher_notes,
            content_hash=digest,
        )

    def _lesson(self, path: Path, module_id: str, number: int) -> domain.Lesson | None:
        if not SLUG.match(path.stem):
            self.reader.error(path, 0, "", "a lesson file name must be a lowercase slug", "content.E017")
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
                self.reader.error(path, 0, "", "a guide file name must be a lowercase slug", "content.E017")
                continue
            read = self.reader.read_markdown(path, schemas.GuideFrontMatter)
            if read is None:
                continue
            parsed, body, body_line = read
            front: schemas.GuideFrontMatter = parsed.model
            for index, module_id in enumerate(front.modules):
                if module_id not in course_file.modules:
                    line = parsed.line("modules", index)
                    self.reader.error(path, line, f"modules[{index}]", f"unknown module '{module_id}'", "content.E010")
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
                    sources=_sources(front.sources),
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
                "content.E017",
            )
            return None
        if region_id not in regions:
            self.reader.error(
                path,
                parsed.line("region"),
                "region",
                f"region '{region_id}' is not listed in course.yaml",
                "content.E010",
            )
            return None
        return regions[region_id]

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
            for index, entry in enumerate(spec.entries):
                line = parsed.line("entries", index, "text")
                entries.append(
                    domain.LawEntry(
                        topic=entry.topic,
                        heading=entry.heading,
                        html=self.reader.render(path, entry.text, line).html,
                        sources=_sources(entry.sources),
                    )
                )
            cards[region.id] = domain.LawCard(
                region=region,
                title=spec.title,
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
                        path, line, f"services[{index}].id", f"duplicate service '{service.id}'", "content.E013"
                    )
                    continue
                seen.add(service.id)
                services.append(
                    domain.HelpService(
                        id=service.id,
                        name=service.name,
                        run_by=service.run_by,
                        image_age=service.image_age,
                        for_whom=service.for_whom,
                        what=service.what,
                        how=service.how,
                        stays_on_device=service.stays_on_device,
                        url=service.url,
                        phone=service.phone,
                        text_message=service.text_message,
                        urgent=service.urgent,
                        sources=_sources(service.sources),
                    )
                )
            directories[region.id] = domain.HelpDirectory(
                region=region, emergency_number=spec.emergency_number, services=tuple(services)
            )
        return directories


def load_course(root: Path | str, *, render_cache: RenderCache | None = None) -> LoadResult:
    """Load ``root``; with a ``render_cache``, Markdown rendered on an earlier load is read back."""
    return CourseLoader(Path(root), render_cache).load()
