"""Writes for the reading path: marking lessons done."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from .domain import Lesson
from .models import LessonProgress
from .registry import get_course
from .sessions import LESSONS_DONE_SESSION_KEY


def _session_keys(session: SessionBase) -> list[str]:
    keys = session.get(LESSONS_DONE_SESSION_KEY, [])
    return keys if isinstance(keys, list) else []


def lesson_progress_mark_done(*, user: AbstractBaseUser | AnonymousUser, session: SessionBase, lesson: Lesson) -> None:
    """Record that the reader finished ``lesson``; doing it twice changes nothing."""
    if user.is_authenticated:
        _record_for_user(user=user, lessons=[lesson])
        return
    keys = _session_keys(session)
    if lesson.key not in keys:
        session[LESSONS_DONE_SESSION_KEY] = [*keys, lesson.key]


def lesson_progress_merge_session(*, user: AbstractBaseUser, session: SessionBase) -> None:
    """Move a visitor's progress into their account when they sign in."""
    keys = _session_keys(session)
    if not keys:
        return
    course = get_course()
    lessons = []
    for key in keys:
        module_id, _, lesson_id = key.partition("/")
        module = course.module(module_id)
        lesson = module.lesson(lesson_id) if module else None
        if lesson is not None:
            lessons.append(lesson)
    _record_for_user(user=user, lessons=lessons)
    session.pop(LESSONS_DONE_SESSION_KEY, None)


@transaction.atomic
def _record_for_user(*, user: AbstractBaseUser, lessons: list[Lesson]) -> None:
    # ignore_conflicts: a double click or two tabs hit the unique constraint and
    # are dropped by the database, on SQLite and PostgreSQL alike.
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                user_id=user.pk, module_id=lesson.module_id, lesson_id=lesson.id, content_hash=lesson.content_hash
            )
            for lesson in lessons
        ],
        ignore_conflicts=True,
    )
