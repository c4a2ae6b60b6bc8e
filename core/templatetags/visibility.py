"""``{% visibility_rule "student" %}``: the one rule of who sees what, said to this reader."""

from __future__ import annotations

from typing import Any

from django import template

from core import visibility

register = template.Library()


@register.inclusion_tag("core/_visibility.html")
def visibility_rule(voice: str) -> dict[str, Any]:
    return {
        "voice": visibility.VOICES[voice],
        "teachers_see": visibility.TEACHERS_SEE,
        "parents_see": visibility.PARENTS_SEE,
        "only_student": visibility.ONLY_THE_STUDENT,
        "class_checks": visibility.CLASS_CHECKS,
    }
