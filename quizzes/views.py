"""Quiz pages: one station per page, each answer a POST, then its feedback. No JavaScript needed."""

import secrets

from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from courses import selectors as course_selectors

from . import selectors, services
from .domain import Reflection, Scenario
from .forms import answer_form
from .grading import endings_reached, grade_answer, grade_quiz
from .stations import Station

# Names a reflection's text could be smuggled under; a reflection is never sent.
REFLECTION_TEXT_FIELDS = {"answer", "text", "reflection", "choice", "note"}
NOT_CURRENT = "That question is not the current one, so nothing was recorded."


def _refuse(request, message, *, module=None):
    return render(request, "quizzes/refused.html", {"message": message, "module": module}, status=400)


def _seed(station: Station, item) -> str:
    """Keeps the order of an ordering's steps the same on every request of an attempt."""
    return f"{station.public_id}:{item.id}:{station.step_id}"


def _station_context(request, module, quiz, attempt, form=None):
    item = quiz.items[attempt.item_index]
    step_id = attempt.step_id or None
    if form is None:
        station = Station.of(attempt)
        initial = {"station": station.signed(), "key": secrets.token_urlsafe(24), "quiz": module.id}
        form = answer_form(item, step_id, seed=_seed(station, item), initial=initial)
    return {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "item": item,
        "step": item.steps[step_id] if isinstance(item, Scenario) else None,
        "first_step": isinstance(item, Scenario) and step_id == item.start,
        "form": form,
        "number": attempt.answered + 1,
        "about": attempt.answered + quiz.stations_left(attempt.item_index, attempt.step_id),
    }


@require_safe
def quiz_page(request, module_id):
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_current(user=request.user, session=request.session, quiz=quiz)
    if attempt is not None:
        return render(request, "quizzes/question.html", _station_context(request, module, quiz, attempt))
    last = selectors.attempt_latest_finished(user=request.user, session=request.session, module_id=module.id)
    return render(request, "quizzes/intro.html", {"module": module, "quiz": quiz, "last": last})


@require_POST
def quiz_start(request, module_id):
    module, quiz = selectors.quiz_get(module_id=module_id)
    services.quiz_attempt_start(user=request.user, session=request.session, quiz=quiz)
    return redirect("quizzes:quiz", module_id=module.id)


@sensitive_post_parameters()  # a learner's choices stay out of error reports
@require_POST
def quiz_answer(request, module_id):
    module, quiz = selectors.quiz_get(module_id=module_id)
    if request.POST.get("quiz") != module.id:
        return _refuse(request, "That answer was for a different quiz.", module=module)
    # Where the attempt stood when the page was shown; the service checks it still stands there.
    station = Station.from_signed(request.POST.get("station", ""))
    if station is None:
        return _refuse(request, "That answer was missing its question.", module=module)
    if station.content_hash != quiz.content_hash:
        return _refuse(request, NOT_CURRENT, module=module)
    item = quiz.items[station.item_index]
    if isinstance(item, Reflection) and REFLECTION_TEXT_FIELDS & set(request.POST):
        return _refuse(request, "A reflection is private and is never sent, so nothing was recorded.", module=module)
    form = answer_form(item, station.step_id or None, seed=_seed(station, item), data=request.POST)
    if not form.is_valid():
        attempt = selectors.attempt_current(user=request.user, session=request.session, quiz=quiz)
        if attempt is None or Station.of(attempt) != station:
            return _refuse(request, NOT_CURRENT, module=module)
        context = _station_context(request, module, quiz, attempt, form=form)
        return render(request, "quizzes/question.html", context, status=400)
    try:
        response, _ = services.quiz_attempt_answer(
            user=request.user,
            session=request.session,
            quiz=quiz,
            station=station,
            key=form.cleaned_data["key"],
            answer=form.to_answer(),
        )
    except services.NotCurrent:
        # Back button, a second tab, or not this reader's attempt (a replayed key gets its response back).
        return _refuse(request, NOT_CURRENT, module=module)
    except services.SubmissionRefused:
        return _refuse(request, "We could not record that answer. Nothing was saved.", module=module)
    if isinstance(item, Reflection):  # nothing to give feedback on: on to the next question, or the results
        if station.item_index + 1 == len(quiz.items):
            return redirect("quizzes:result", module_id=module.id, attempt_id=station.public_id)
        return redirect("quizzes:quiz", module_id=module.id)
    return redirect("quizzes:feedback", module_id=module.id, attempt_id=station.public_id, position=response.position)


@require_safe
def quiz_feedback(request, module_id, attempt_id, position):
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_get(
        user=request.user, session=request.session, module_id=module.id, public_id=attempt_id
    )
    response = selectors.response_get(attempt=attempt, position=position)
    item = quiz.item(response.item_id) if attempt.content_hash == quiz.content_hash else None
    if item is None:
        return redirect("quizzes:quiz", module_id=module.id)
    step = item.steps.get(response.step_id) if isinstance(item, Scenario) else None
    graded = grade_answer(item, response.step_id or None, response.answer)
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "item": item,
        "step": step,
        "response": response,
        "graded": graded,
        **(_help_context(request) if graded.ending and graded.ending.risky else {}),
        "chosen": _describe_answer(item, step, response.answer),
        "right_answer": _describe_right_answer(item),
        "is_last": attempt.finished and position == attempt.answered - 1,
    }
    return render(request, "quizzes/feedback.html", context)


@require_safe
def quiz_result(request, module_id, attempt_id):
    module, quiz = selectors.quiz_get(module_id=module_id)
    attempt = selectors.attempt_get(
        user=request.user, session=request.session, module_id=module.id, public_id=attempt_id
    )
    if not attempt.finished or attempt.content_hash != quiz.content_hash:
        return redirect("quizzes:quiz", module_id=module.id)
    responses = list(attempt.responses.all())
    result = grade_quiz(quiz, [(r.item_id, r.step_id or None, r.answer) for r in responses])
    rows = []
    review = []
    for item, item_result in zip(quiz.items, result.items, strict=True):
        rows.append({"item": item, "result": item_result})
        lesson = module.lesson(item.lesson_id) if item.lesson_id else None
        if item.scored and item_result.score < item_result.max_score and lesson and lesson not in review:
            review.append(lesson)
    endings = endings_reached(quiz, [(r.item_id, r.step_id, r.answer) for r in responses])
    context = {
        "module": module,
        "quiz": quiz,
        "attempt": attempt,
        "result": result,
        "rows": [row for row in rows if row["item"].scored],
        "review": review,
        "endings": endings,
        "scenario": quiz.scenario,
        "risky": any(ending.risky for ending in endings),
        **_help_context(request),
    }
    return render(request, "quizzes/result.html", context)


def _help_context(request) -> dict:
    """The reader's help services (their region's, if they chose one) for the box after a risky ending."""
    region = course_selectors.reader_region(session=request.session)
    everywhere = course_selectors.help_everywhere()
    return {
        "help_region": next((place for place in everywhere if region and place.region.id == region.id), None),
        "help_everywhere": everywhere,
    }


@require_safe
def progress(request):
    standings = selectors.progress_overview(user=request.user, session=request.session)
    return render(request, "quizzes/progress.html", {"standings": standings})


def _describe_answer(item, step, answer) -> list[str]:
    if step is not None:
        return [step.choice(answer["choice"]).text]
    kind = item.kind
    if kind == "single":
        return [o.text for o in item.options if o.id == answer["option"]]
    if kind == "multiple":
        return [o.text for o in item.options if o.id in answer["options"]]
    if kind == "true-false":
        return ["True" if answer["value"] else "False"]
    if kind == "ordering":
        texts = {s.id: s.text for s in item.steps}
        return [texts[i] for i in answer["order"]]
    return []


def _describe_right_answer(item) -> list[str]:
    kind = item.kind
    if kind == "single":
        return [o.text for o in item.options if o.id == item.answer]
    if kind == "multiple":
        return [o.text for o in item.options if o.id in item.answers]
    if kind == "true-false":
        return ["True" if item.answer else "False"]
    if kind == "ordering":
        return [s.text for s in item.steps]
    return []
