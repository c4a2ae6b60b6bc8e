"""Each module's folder: module.yaml, its lessons in order, and its teacher notes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .. import domain, schemas
from ..errors import Code
from ..practice import split_at_checks
from ..reader import ParsedFile
from .context import Context
from .standards import check_references

SLUG = re.compile(schemas.SLUG_PATTERN)
TEACHER_NOTES = "teacher.md"


def load_modules(
    ctx: Context, course_path: Path, parsed: ParsedFile, guide_ids: set[str], parent_guide_ids: set[str]
) -> list[domain.Module]:
    modules_dir = ctx.root / "modules"
    listed: list[str] = []
    modules: list[domain.Module] = []
    for index, module_id in enumerate(parsed.model.modules):
        line = parsed.line("modules", index)
        if module_id in listed:
            ctx.reader.error(
                course_path, line, f"modules[{index}]", f"module '{module_id}' is listed twice", Code.DUPLICATE_ID
            )
            continue
        listed.append(module_id)
        folder = modules_dir / module_id
        if not (folder / "module.yaml").is_file():
            ctx.reader.error(
                course_path, line, f"modules[{index}]", f"no module.yaml in modules/{module_id}/", Code.MISSING_FILE
            )
            continue
        module = _module(ctx, folder, len(modules) + 1, guide_ids, parent_guide_ids)
        if module is not None:
            modules.append(module)
    if modules_dir.is_dir():
        for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
            if folder.name not in listed:
                ctx.reader.error(
                    course_path,
                    parsed.line("modules"),
                    "modules",
                    f"module folder 'modules/{folder.name}/' is not listed",
                    Code.UNLISTED_FILE,
                )
    return modules


def _module(
    ctx: Context, folder: Path, number: int, guide_ids: set[str], parent_guide_ids: set[str]
) -> domain.Module | None:
    path = folder / "module.yaml"
    parsed = ctx.reader.read_yaml(path, schemas.ModuleFile)
    if parsed is None:
        return None
    spec: schemas.ModuleFile = parsed.model
    if spec.id != folder.name:
        ctx.reader.error(
            path,
            parsed.line("id"),
            "id",
            f"id '{spec.id}' must match its folder '{folder.name}'",
            Code.NAME_MISMATCH,
        )
    if spec.parent_guide and spec.parent_guide not in guide_ids:
        ctx.reader.error(
            path,
            parsed.line("parent_guide"),
            "parent_guide",
            f"no guide 'guides/{spec.parent_guide}.md'",
            Code.UNKNOWN_REFERENCE,
        )
    family = _family_card(ctx, path, parsed, spec, parent_guide_ids)
    ctx.check_sources(path, parsed, ("sources",), spec.sources)
    _check_pictures(ctx, path, parsed, spec)
    module_standards = check_references(ctx, path, parsed, spec.standards)

    lessons: list[domain.Lesson] = []
    seen: set[str] = set()
    for index, lesson_id in enumerate(spec.lessons):
        line = parsed.line("lessons", index)
        if lesson_id in seen:
            ctx.reader.error(
                path, line, f"lessons[{index}]", f"lesson '{lesson_id}' is listed twice", Code.DUPLICATE_ID
            )
            continue
        seen.add(lesson_id)
        lesson_path = folder / f"{lesson_id}.md"
        if not lesson_path.is_file():
            ctx.reader.error(
                path, line, f"lessons[{index}]", f"lesson file '{lesson_id}.md' is missing", Code.MISSING_FILE
            )
            continue
        lesson = _lesson(ctx, lesson_path, spec.id, len(lessons) + 1)
        if lesson is not None:
            lessons.append(lesson)
    for extra in ctx.markdown_files(folder):
        if extra.name != TEACHER_NOTES and extra.stem not in seen:
            ctx.reader.error(
                path,
                parsed.line("lessons"),
                "lessons",
                f"lesson file '{extra.name}' is not listed",
                Code.UNLISTED_FILE,
            )

    teacher_notes = None
    notes_path = folder / TEACHER_NOTES
    if notes_path.is_file():
        teacher_notes = _teacher_notes(ctx, notes_path)
    else:
        ctx.reader.error(
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
        standards=module_standards,
        lessons=tuple(lessons),
        content_note=spec.content_note,
        parent_guide_id=spec.parent_guide,
        folder=folder,
        quiz_file=spec.quiz,
        sources=ctx.sources(spec.sources),
        reviewed=spec.reviewed,
        teacher_notes=teacher_notes,
        content_hash=digest,
        colour=spec.colour,
        icon=spec.icon,
        illustration=(
            domain.Illustration(file=spec.illustration.file, alt=spec.illustration.alt) if spec.illustration else None
        ),
        family=family,
    )


def _check_pictures(ctx: Context, path: Path, parsed: ParsedFile, spec: schemas.ModuleFile) -> None:
    """The icon and the illustration a module names are files in static/img/ (content.E011)."""
    from django.contrib.staticfiles import finders

    wanted: list[tuple[tuple[str, ...], str, str]] = [(("icon",), "icon", f"img/modules/{spec.icon}.svg")]
    if spec.illustration:
        wanted.append(
            (("illustration", "file"), "illustration.file", f"img/illustrations/{spec.illustration.file}.svg")
        )
    for loc, where, static_path in wanted:
        if not finders.find(static_path):
            ctx.reader.error(path, parsed.line(*loc), where, f"no picture 'static/{static_path}'", Code.MISSING_FILE)


def _family_card(
    ctx: Context, path: Path, parsed: ParsedFile, spec: schemas.ModuleFile, parent_guide_ids: set[str]
) -> domain.FamilyCard | None:
    """module.yaml's ``family:`` card; its guide must be a parent guide (content.E045 at its line)."""
    if spec.family is None:
        return None
    if spec.family.guide not in parent_guide_ids:
        ctx.reader.error(
            path,
            parsed.line("family", "guide"),
            "family.guide",
            f"no guide for parents 'guides/{spec.family.guide}.md'",
            Code.FAMILY_GUIDE,
        )
        return None
    return domain.FamilyCard(learn=tuple(spec.family.learn), question=spec.family.question, guide_id=spec.family.guide)


def _lesson(ctx: Context, path: Path, module_id: str, number: int) -> domain.Lesson | None:
    if not SLUG.match(path.stem):
        ctx.reader.error(path, 0, "", "a lesson file name must be a lowercase slug", Code.NAME_MISMATCH)
        return None
    read = ctx.reader.read_markdown(path, schemas.LessonFrontMatter)
    if read is None:
        return None
    parsed, body, body_line = read
    front: schemas.LessonFrontMatter = parsed.model
    rendered = ctx.reader.render(path, body, body_line, checks=True)
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
        standards=check_references(ctx, path, parsed, front.standards),
        checks=rendered.checks,
        parts=split_at_checks(rendered.html, rendered.checks),
    )


def _teacher_notes(ctx: Context, path: Path) -> domain.TeacherNotes | None:
    read = ctx.reader.read_markdown(path, schemas.TeacherNotesFrontMatter)
    if read is None:
        return None
    parsed, body, body_line = read
    rendered = ctx.reader.render(path, body, body_line)
    return domain.TeacherNotes(
        title=parsed.model.title, minutes=parsed.model.minutes, html=rendered.html, headings=rendered.headings
    )
