"""Quiz pages: one station per page, each answer a POST, then its feedback. No JavaScript needed.

What a station looks like, how its answer is read and what its feedback says
belong to the item's kind (quizzes.kinds); these views only ask it.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from core.hooks import module_end_links
from courses import selectors as course_selectors
from courses.domain import Lesson, Module

from . import kinds, packs, pdf, selectors, services
from .curriculum import curriculum_csv_lines, curriculum_map, curriculum_maps
from .domain import Ending, Item, Quiz
from .forms import AnswerForm, PlaceForm
from .grading import ItemResult, endings_reached, grade_answer, grade_quiz
from .models import QuizAttempt, QuizResponse

logger = logging.getLogger(__name__)

NOT_CURRENT = "That question is not the current one, so nothing was recorded."


def _refuse(request: HttpRequest, message: str, *, module: Module, reason: str) -> HttpResponse:
    logger.warning("quiz answer refused (module %s): %s", module.id, reason)
    return render(request, "quizzes/refused.html", {"message": message, "module": module}, status=400)


def _seed(attempt: QuizAttempt, item: Item) -> str:
    """Keeps any shuffled order (an ordering's steps) the same on every request of an attempt."""
    return f"{attempt.public_id}:{item.id}:{attempt.step_id}"


def _form(attempt: QuizAttempt, quiz: Quiz, data: Any = None) -> AnswerForm:
    """The answer form for the station the attempt stands at: blank for the page, or bound to a POST."""
    item = quiz.items[attempt.item_index]
    return kinds.of(item).form(item, attempt.step_id or None, seed=_seed(attempt, item), data=data)


def _place(attempt: QuizAttempt) -> PlaceForm:
    """The page's hidden fields: where the attempt stands, and a fresh one-time submission key."""
    key = secrets.token_urlsafe(24)
    return PlaceForm(
        initial={"quiz": attempt.module_id, "attempt": attempt.public_id, "position": attempt.answered, "key": key}
    )


def _where(quiz: Quiz, attempt: QuizAttempt, item: Item, *, before: int) -> dict[str, Any]:
    """The page's counter: "Part 3 of 8", the same for a whole attempt (a quiz's parts are its items),
    and, in an item of several stations (a story), which of its steps this is."""
    kind = kinds.of(item)
    several = bool(kind.first_step(item))
    step = selectors.stations_answered_in_item(attempt=attempt, item_id=item.id, before=before) + 1 if several else 0
    return {"part": quiz.items.index(item) + 1, "parts": len(quiz.items), "part_step": step}


def _station_context(
    module: Module, quiz: Quiz, attempt: QuizAttempt, place: PlaceForm, form: AnswerForm
) -> dict[str, Any]:
    item = quiz.items[attempt.item_index]
    kind = kinds.of(item)
    return {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "item": item,
        "kind": kind,
        "place": place,
        "form": form,
        **_where(quiz, attempt, item, before=attempt.answered),
        **kind.page_context(item, attempt.step_id or None),
    }


@require_safe
def quiz_page(request: HttpRequest, module_id: str) -> HttpResponse:
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_current(user=request.user, session=request.session, quiz=quiz)
    if attempt is not None:
        context = _station_context(module, quiz, attempt, _place(attempt), _form(attempt, quiz))
        return render(request, "quizzes/question.html", context)
    last = selectors.attempt_latest_finished(user=request.user, session=request.session, module_id=module.id)
    return render(request, "quizzes/intro.html", {"module": module, "quiz": quiz, "last": last})


@require_POST
def quiz_start(request: HttpRequest, module_id: str) -> HttpResponse:
    module, quiz = selectors.quiz_get(module_id=module_id)
    try:
        services.quiz_attempt_start(user=request.user, session=request.session, quiz=quiz)
    except services.TooManyStarts:
        context = {"title": "Quiz not started", "heading": "That is a lot of quizzes for one visit", "module": module,
                   "message": "Sign in to keep going, or close the browser and come back later."}  # fmt: skip
        return render(request, "quizzes/refused.html", context, status=429)
    return redirect("quizzes:quiz", module_id=module.id)


def _after(module: Module, quiz: Quiz, attempt: QuizAttempt, response: QuizResponse) -> HttpResponse:
    """Where an answer leads: its feedback, or (a kind with none) the next question or the results."""
    item = quiz.item(response.item_id)
    if item is not None and not kinds.of(item).has_feedback:
        if item is quiz.items[-1]:
            return redirect("quizzes:result", module_id=module.id, attempt_id=attempt.public_id)
        return redirect("quizzes:quiz", module_id=module.id)
    return redirect("quizzes:feedback", module_id=module.id, attempt_id=attempt.public_id, position=response.position)


@sensitive_post_parameters()  # a learner's choices stay out of error reports
@require_POST
def quiz_answer(request: HttpRequest, module_id: str) -> HttpResponse:
    module, quiz = selectors.quiz_get(module_id=module_id)
    place = PlaceForm(request.POST)
    if request.POST.get("quiz") != module.id:
        return _refuse(request, "That answer was for a different quiz.", module=module, reason="another quiz")
    if not place.is_valid():
        return _refuse(request, "That answer was missing its question.", module=module, reason="no place or key")
    public_id, position, key = (place.cleaned_data[name] for name in ("attempt", "position", "key"))
    attempt = selectors.attempt_for_answer(user=request.user, session=request.session, quiz=quiz, public_id=public_id)
    if attempt is None:
        return _refuse(request, NOT_CURRENT, module=module, reason="not the reader's attempt at this quiz version")
    if attempt.finished or attempt.answered != position:
        # Back button or a second tab; a replayed submission key gets its response back.
        replayed = selectors.response_for_key(attempt=attempt, key=key)
        if replayed is None:
            return _refuse(request, NOT_CURRENT, module=module, reason="not the current question")
        return _after(module, quiz, attempt, replayed)
    form = _form(attempt, quiz, data=request.POST)
    rearranged = form.rearranged()
    if rearranged is not None:  # a step moved (an ordering without JavaScript): the same question, nothing recorded
        return render(request, "quizzes/question.html", _station_context(module, quiz, attempt, place, rearranged))
    if not form.is_valid():
        context = _station_context(module, quiz, attempt, place, form)
        return render(request, "quizzes/question.html", context, status=400)
    try:
        response, _ = services.quiz_attempt_answer(
            attempt=attempt, quiz=quiz, position=position, key=key, answer=form.to_answer()
        )
    except services.NotCurrent as exc:
        return _refuse(request, NOT_CURRENT, module=module, reason=str(exc))
    except services.SubmissionRefused as exc:
        message = "We could not record that answer. Nothing was saved."
        return _refuse(request, message, module=module, reason=str(exc))
    return _after(module, quiz, attempt, response)


@require_safe
def quiz_feedback(request: HttpRequest, module_id: str, attempt_id: str, position: int) -> HttpResponse:
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_get(
        user=request.user, session=request.session, module_id=module.id, public_id=attempt_id
    )
    response = selectors.response_get(attempt=attempt, position=position)
    item = quiz.item(response.item_id) if attempt.content_hash == quiz.content_hash else None
    if item is None:
        return redirect("quizzes:quiz", module_id=module.id)
    kind = kinds.of(item)
    step_id = response.step_id or None
    graded = grade_answer(item, step_id, response.answer)
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "item": item,
        "response": response,
        "graded": graded,
        **(_help_context(request) if graded.ending and graded.ending.risky else {}),
        "chosen": kind.describe(item, step_id, response.answer),
        "right_answer": kind.right_answer(item),
        "is_last": attempt.finished and position == attempt.answered - 1,
        **_where(quiz, attempt, item, before=response.position),
        **kind.page_context(item, step_id),
    }
    return render(request, "quizzes/feedback.html", context)


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One item on the result page: its kind's partial may show something (a story shows its ending)."""

    item: Item
    kind: kinds.Kind[Any, Any]
    result: ItemResult
    endings: list[Ending]

    @property
    def risky(self) -> bool:
        return any(ending.risky for ending in self.endings)


@require_safe
def quiz_result(request: HttpRequest, module_id: str, attempt_id: str) -> HttpResponse:
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_get(
        user=request.user, session=request.session, module_id=module.id, public_id=attempt_id
    )
    if not attempt.finished or attempt.content_hash != quiz.content_hash:
        return redirect("quizzes:quiz", module_id=module.id)
    responses = [(r.item_id, r.step_id or None, r.answer) for r in attempt.responses.all()]
    result = grade_quiz(quiz, responses)
    endings = endings_reached(quiz, responses)
    rows = [
        ResultRow(item, kinds.of(item), item_result, endings.get(item.id, []))
        for item, item_result in zip(quiz.items, result.items, strict=True)
    ]
    review: list[Lesson] = []
    for row in rows:
        lesson = module.lesson(row.item.lesson_id) if row.item.lesson_id else None
        if row.item.scored and row.result.score < row.result.max_score and lesson and lesson not in review:
            review.append(lesson)
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "result": result,
        "rows": rows,
        "scored_rows": [row for row in rows if row.item.scored],
        "review": review,
        "end_links": module_end_links((request, module)),
        **_help_context(request),
    }
    return render(request, "quizzes/result.html", context)


def _help_context(request: HttpRequest) -> dict[str, Any]:
    """The reader's help services (their region's, if they chose one) for the box after a risky ending."""
    region = course_selectors.reader_region(session=request.session)
    everywhere = course_selectors.help_everywhere()
    return {
        "help_region": next((place for place in everywhere if region and place.region.id == region.id), None),
        "help_everywhere": everywhere,
    }


@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    standings = selectors.progress_overview(user=request.user, session=request.session)
    return render(request, "quizzes/progress.html", {"standings": standings})


def _pack_for(request: HttpRequest, module_id: str) -> packs.Pack:
    """Everyone gets the pack; a teacher's copy also has the worksheet's answers (quizzes never show
    an answer before it is given). quizzes knows accounts' roles only by this duck-typed flag."""
    return packs.pack_get(module_id=module_id, answers=getattr(request.user, "is_staff_member", False))


@require_safe
def pack_page(request: HttpRequest, module_id: str) -> HttpResponse:
    """A module's printable pack as a page: the browser's Print makes the same pages as the PDF."""
    return render(request, "quizzes/pack.html", {"pack": _pack_for(request, module_id)})


@require_safe
def pack_pdf(request: HttpRequest, module_id: str) -> HttpResponseBase:
    """The pack as a PDF: made once per content version (quizzes.pdf), then served as a file."""
    pack = _pack_for(request, module_id)
    try:
        handle = pdf.pack_pdf_open(pack=pack)
    except pdf.PackUnavailable as refusal:
        logger.error("pack PDF unavailable for module %s", pack.module.id)
        context = {"pack": pack, "reason": str(refusal)}
        return render(request, "quizzes/pack_unavailable.html", context, status=503)
    filename = f"pause-{pack.module.id}-pack.pdf"
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
    # private: a shared cache must never hand a teacher's copy (with answers) to anyone else.
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_safe
def curriculum(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/curriculum.html", {"maps": curriculum_maps()})


@require_safe
def curriculum_framework(request: HttpRequest, framework_id: str) -> HttpResponse:
    return render(request, "quizzes/curriculum_framework.html", {"map": curriculum_map(framework_id)})


@require_safe
def curriculum_csv(request: HttpRequest, framework_id: str) -> StreamingHttpResponse:
    mapped = curriculum_map(framework_id)
    lines = curriculum_csv_lines(mapped, site=request.build_absolute_uri("/").rstrip("/"))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pause-curriculum-{mapped.framework.id}.csv"'
    return response
