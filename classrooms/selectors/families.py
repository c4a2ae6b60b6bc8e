"""A parent's page: each linked child's modules, quiz scores and assignments, never an answer.

A child who linked a parent with a family code shares "work set and due dates" (core/visibility.py's
PARENTS_SEE), so "This week" shows the linked child's assignments and, per module set, its family card
(content: three things they will learn, a dinner question, the parent guide). A child who has not
linked, or who revoked the link, appears nowhere: every read starts from the parent's FamilyLinks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import User
from courses.domain import FamilyCard, Guide, Module
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


WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class WeekCard:
    """A module set this week, with what its family card tells a parent."""

    module: Module
    card: FamilyCard | None  # None only for a module whose content has no family card
    guide: Guide | None


@dataclass(frozen=True, slots=True)
class ChildSummary:
    link: FamilyLink
    nickname: str
    modules: list[ModuleLine]
    assignments: list[MyAssignment]
    this_week: list[MyAssignment] = field(default_factory=list)  # due in the next 7 days, or set in the last 7

    @property
    def week_cards(self) -> list[WeekCard]:
        """Each module set this week once (a child in two classes may have it twice), soonest due first."""
        course = get_course()
        seen: dict[str, WeekCard] = {}
        for assignment in self.this_week:
            module = assignment.module
            card = module.family
            guide_id = card.guide_id if card else module.parent_guide_id
            seen.setdefault(module.id, WeekCard(module, card, course.guide(guide_id) if guide_id else None))
        return list(seen.values())


def this_week(assignments: list[MyAssignment], *, today: datetime.date) -> list[MyAssignment]:
    """The assignments due from today to a week ahead, or set in the last seven days."""
    week_ago = today - WEEK
    return [
        a
        for a in assignments
        if (a.due_on is not None and today <= a.due_on <= today + WEEK)
        or (a.assigned_at is not None and timezone.localdate(a.assigned_at) > week_ago)
    ]


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
    today = timezone.localdate()
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
                link=link,
                nickname=link.student.first_name,
                modules=lines,
                assignments=assignments[link.student_id],
                this_week=this_week(assignments[link.student_id], today=today),
            )
        )
    return children
