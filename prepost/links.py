"""What prepost adds to other apps' pages, through core's hooks."""

from __future__ import annotations

from django.urls import reverse

from core.hooks import Link, ModuleVisit
from courses.selectors import lessons_done

from .domain import Phase
from .selectors import check_due

BEFORE_NOTE = (
    "Before you start: a few quick questions about how sure you feel and what you know now. After the quiz, "
    "you answer them again and see what changed. It is not a test, and your teacher sees only totals for "
    "the whole class."
)


def before_prompt(visit: ModuleVisit) -> list[Link]:
    """On a module's page and its first lesson: the "before" check, for a student who has not started."""
    request, module = visit.request, visit.module
    if not check_due(user=request.user, module_id=module.id, phase=Phase.BEFORE):
        return []
    if lessons_done(user=request.user, session=request.session, module=module):
        return []
    return [
        Link(
            "Take the before check",
            reverse("prepost:take", args=[module.id, Phase.BEFORE.value]),
            note=BEFORE_NOTE,
            dismiss_url=reverse("prepost:not-now", args=[module.id, Phase.BEFORE.value]),
        )
    ]
