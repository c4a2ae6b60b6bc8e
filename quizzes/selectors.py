"""Reads for quiz and progress pages; ownership is checked here, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Case, Count, F, FloatField, Max, Q, QuerySet, When
from django.http import Http404

from courses import selectors as course_selectors
from courses.domain import Module
from courses.registry import get_course

from .domain import Quiz
from .models import QuizAttempt, QuizResponse
from .registry import get_quiz
from .services import visitor_token


def quiz_get(*, module_id: str) -> tuple[Module, Quiz]:
    module = course_selectors.module_get(module_id=module_id)
    quiz = get_quiz(module.id)
    if quiz is None:
        raise Http404("This module has no quiz.")
    return module, quiz


def attempts_owned(*, user, session: SessionBase) -> QuerySet[QuizAttempt]:
    if user.is_authenticated:
        return QuizAttempt.objects.filter(user=user)
    token = visitor_token(session)
    return QuizAttempt.objects.filter(visitor=token, user__isnull=True) if token else QuizAttempt.objects.none()


def attempt_current(*, user, session: SessionBase, quiz: Quiz) -> QuizAttempt | None:
    """The reader's unfinished attempt at this version of the quiz, if any.

    One filter call, not a chain: this runs on every quiz answer, and on this
    hardware each queryset clone is measurable against the bench budget.
    """
    if user.is_authenticated:
        owner = {"user": user}
    else:
        token = visitor_token(session)
        if not token:
            return None
        owner = {"visitor": token, "user__isnull": True}
    return (
        QuizAttempt.objects.filter(
            **owner, module_id=quiz.module_id, content_hash=quiz.content_hash, submitted_at__isnull=True
        )
        .order_by("-pk")
        .first()
    )


def attempt_latest_finished(*, user, session: SessionBase, module_id: str) -> QuizAttempt | None:
    return (
        attempts_owned(user=user, session=session)
        .filter(module_id=module_id, submitted_at__isnull=False)
        .order_by("-submitted_at", "-pk")
        .first()
    )


def attempt_get(*, user, session: SessionBase, module_id: str, public_id) -> QuizAttempt:
    attempt = attempts_owned(user=user, session=session).filter(module_id=module_id, public_id=public_id).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def response_get(*, attempt: QuizAttempt, position: int) -> QuizResponse:
    response = attempt.responses.filter(position=position).first()
    if response is None:
        raise Http404("No such answer.")
    return response


@dataclass(frozen=True, slots=True)
class ModuleStanding:
    module: Module
    lessons: course_selectors.ModuleProgress
    has_quiz: bool
    best_percent: int | None  # best finished attempt, None when none
    passed: bool

    @property
    def complete(self) -> bool:
        standing = QuizStanding(
            started=self.best_percent is not None, best_percent=self.best_percent, passed=self.passed
        )
        return module_complete(
            module=self.module, lessons_done=self.lessons.count, quiz=standing, has_quiz=self.has_quiz
        )


def progress_overview(*, user, session: SessionBase) -> list[ModuleStanding]:
    """Every module: lessons done, best quiz score, complete (all lessons done and quiz passed). Two queries."""
    done = course_selectors.lessons_done(user=user, session=session)
    best: dict[str, tuple[int, bool]] = {}
    finished = attempts_owned(user=user, session=session).filter(submitted_at__isnull=False)
    for module_id, score, max_score, passed in finished.values_list("module_id", "score", "max_score", "passed"):
        percent = round(100 * score / max_score) if max_score else 0
        previous_percent, previous_passed = best.get(module_id, (-1, False))
        best[module_id] = (max(percent, previous_percent), bool(passed) or previous_passed)
    standings = []
    for module in get_course().modules:
        percent, passed = best.get(module.id, (None, False))
        standings.append(
            ModuleStanding(
                module=module,
                lessons=course_selectors.module_progress(module=module, done=done),
                has_quiz=get_quiz(module.id) is not None,
                best_percent=percent,
                passed=passed,
            )
        )
    return standings


@dataclass(frozen=True, slots=True)
class QuizStanding:
    """One learner's quiz record on one module."""

    started: bool
    best_percent: int | None  # best finished attempt, None when none is finished
    passed: bool


def quiz_standings(*, user_ids, module_ids) -> dict[tuple[int, str], QuizStanding]:
    """``(user id, module id) -> QuizStanding`` for many learners at once, in one query."""
    finished = Q(submitted_at__isnull=False, max_score__gt=0)
    rows = (
        QuizAttempt.objects.filter(user_id__in=user_ids, module_id__in=list(module_ids))
        .values("user_id", "module_id")
        .annotate(
            attempts=Count("pk"),
            best=Max(Case(When(finished, then=F("score") * 100.0 / F("max_score")), output_field=FloatField())),
            passes=Count("pk", filter=Q(passed=True)),
        )
        .order_by()
    )
    return {
        (row["user_id"], row["module_id"]): QuizStanding(
            started=row["attempts"] > 0,
            best_percent=None if row["best"] is None else round(row["best"]),
            passed=row["passes"] > 0,
        )
        for row in rows
    }


def module_complete(
    *, module: Module, lessons_done: int, quiz: QuizStanding | None, has_quiz: bool | None = None
) -> bool:
    """The one rule for "module complete": every lesson done, and its quiz passed if it has one.

    Callers filling a table pass ``has_quiz`` once per module rather than per cell.
    """
    if has_quiz is None:
        has_quiz = get_quiz(module.id) is not None
    return lessons_done >= len(module.lessons) and (not has_quiz or (quiz is not None and quiz.passed))


@dataclass(frozen=True, slots=True)
class OptionCount:
    text: str
    count: int
    correct: bool | None  # None where no option is "the" answer (scenario choices score by degree)


@dataclass(frozen=True, slots=True)
class QuestionResult:
    item_id: str
    step_id: str
    prompt_html: str
    kind: str
    responses: int
    options: tuple[OptionCount, ...]


def question_results(*, quiz: Quiz, user_ids) -> list[QuestionResult]:
    """How many learners chose each option, from each learner's latest attempt. Two queries.

    Free text never reaches the server, so reflections are left out; ordering
    questions count how many put the steps in the right order.
    """
    latest: dict[int, int] = {}
    attempts = QuizAttempt.objects.filter(user_id__in=user_ids, module_id=quiz.module_id).order_by("pk")
    for attempt_id, user_id in attempts.values_list("pk", "user_id"):
        latest[user_id] = attempt_id
    counts: dict[tuple[str, str], dict[str, int]] = {}
    totals: dict[tuple[str, str], int] = {}
    responses = QuizResponse.objects.filter(attempt_id__in=list(latest.values()))
    for item_id, step_id, answer, correct in responses.values_list("item_id", "step_id", "answer", "correct"):
        place = (item_id, step_id)
        totals[place] = totals.get(place, 0) + 1
        tally = counts.setdefault(place, {})
        for chosen in _chosen(answer, correct):
            tally[chosen] = tally.get(chosen, 0) + 1
    results = []
    for item in quiz.items:
        for place, prompt_html, options in _question_places(item):
            tally = counts.get(place, {})
            results.append(
                QuestionResult(
                    item_id=place[0],
                    step_id=place[1],
                    prompt_html=prompt_html,
                    kind=item.kind,
                    responses=totals.get(place, 0),
                    options=tuple(
                        OptionCount(text=text, count=tally.get(key, 0), correct=correct)
                        for key, text, correct in options
                    ),
                )
            )
    return results


def _chosen(answer, correct) -> list[str]:
    if not isinstance(answer, dict):
        return []
    if "choice" in answer:
        return [str(answer["choice"])]
    if "option" in answer:
        return [str(answer["option"])]
    if "options" in answer and isinstance(answer["options"], list):
        return [str(option) for option in answer["options"]]
    if "value" in answer:
        return ["true" if answer["value"] else "false"]
    if "order" in answer:
        return ["right-order" if correct else "other-order"]
    return []


def _question_places(item):
    """Each countable place in an item: ``((item id, step id), prompt html, [(key, text, correct)])``."""
    kind = item.kind
    if kind == "scenario":
        for step in item.steps.values():
            yield (item.id, step.id), step.prompt_html, [(c.id, c.text, None) for c in step.choices]
    elif kind == "single":
        yield (item.id, ""), item.prompt_html, [(o.id, o.text, o.id == item.answer) for o in item.options]
    elif kind == "multiple":
        yield (item.id, ""), item.prompt_html, [(o.id, o.text, o.id in item.answers) for o in item.options]
    elif kind == "true-false":
        yield (
            (item.id, ""),
            item.statement_html,
            [("true", "True", item.answer is True), ("false", "False", item.answer is False)],
        )
    elif kind == "ordering":
        yield (
            (item.id, ""),
            item.prompt_html,
            [("right-order", "Put them in the right order", True), ("other-order", "Another order", False)],
        )


def attempts_export(*, user) -> list[dict]:
    """A learner's quiz attempts and the choices they made, as plain data, for their data export."""
    attempts = QuizAttempt.objects.filter(user=user).prefetch_related("responses").order_by("pk")
    return [
        {
            "module": a.module_id,
            "started_at": a.started_at.isoformat(),
            "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            "score": a.score,
            "max_score": a.max_score,
            "passed": a.passed,
            "answers": [
                {"item": r.item_id, "step": r.step_id, "answer": r.answer, "score": r.score} for r in a.responses.all()
            ],
        }
        for a in attempts
    ]
