"""A parent's page: each linked child's modules, quiz scores and assignments, never an answer."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import User
from courses.domain import Module
from courses.registry import get_course
from quizzes import selectors as quiz_selectors

from ..models import FamilyLink
from .me import MyAssignment, assignments_of
from .progress import Progress


@dataclass(frozen=True, slots=True)
class ModuleLine:
    module: Module
    lessons_done: int
    quiz_percent: int | None
    done: bool


@dataclass(frozen=True, slots=True)
class ChildSummary:
    link: FamilyLink
    nickname: str
    modules: list[ModuleLine]
    assignments: list[MyAssignment]


def family_children(*, parent: User) -> list[ChildSummary]:
    """Each linked child's modules done, quiz scores and assignments: four queries, however many children."""
    if not parent.is_parent:
        return []
    links = list(FamilyLink.objects.filter(parent=parent).select_related("student").order_by("linked_at"))
    if not links:
        return []
    ids = [link.student_id for link in links]
    modules = list(get_course().modules)
    progress = Progress.of(user_ids=ids, modules=modules)
    assignments = assignments_of(student_ids=ids, progress=progress)
    children = []
    for link in links:
        lines = []
        for module in modules:
            done = progress.lessons.get((link.student_id, module.id), 0)
            quiz = progress.quizzes.get((link.student_id, module.id))
            lines.append(
                ModuleLine(
                    module=module,
                    lessons_done=done,
                    quiz_percent=quiz.best_percent if quiz else None,
                    done=quiz_selectors.module_complete(module=module, lessons_done=done, quiz=quiz),
                )
            )
        children.append(
            ChildSummary(
                link=link, nickname=link.student.first_name, modules=lines, assignments=assignments[link.student_id]
            )
        )
    return children
