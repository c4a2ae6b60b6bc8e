"""The anonymous question box (issue 15): a student asks (or writes 'no question'), checks for an answer
with a token; a teacher triages, answers to the whole class, hides or deletes.

Nothing here logs or stores who asked: the asking view names the class only to check the student is in
it, and the page that shows the token is the POST's own response (no redirect, nothing in the session).
"""

from __future__ import annotations

import secrets
import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import AuthenticatedRequest, staff_required, student_required
from accounts.errors import Refused
from courses import selectors as course_selectors

from ..forms import AnswerForm, AskForm, CheckForm
from ..models import ClassQuestion, Classroom
from ..safeguarding import get_danger_words
from ..selectors import questions as selectors
from ..services import questions as services
from .access import access_classroom
from .common import confirm_delete_page, delete_confirmed, refused


def _help_context(request: HttpRequest) -> dict[str, object]:
    """The reader's region's help (if they chose one), else every region's, for the box on these pages."""
    region = course_selectors.reader_region(session=request.session)
    everywhere = course_selectors.help_everywhere()
    return {
        "help_region": next((place for place in everywhere if region and place.region.id == region.id), None),
        "help_everywhere": everywhere,
        "help_region_id": region.id if region else "",
    }


# One-time keys for the ask form, so a reload of the "Sent" page (the browser offers to send the form
# again) stores nothing twice. A key is random, says nothing about the question, and leaves the
# session when it is used; only the last few are kept.
ASK_KEYS = "pause.ask_keys"
ASK_KEYS_KEPT = 5


def _new_ask_key(request: HttpRequest) -> str:
    key = secrets.token_urlsafe(16)
    request.session[ASK_KEYS] = [*request.session.get(ASK_KEYS, [])[-(ASK_KEYS_KEPT - 1) :], key]
    return key


def _use_ask_key(request: HttpRequest) -> bool:
    keys = request.session.get(ASK_KEYS, [])
    key = request.POST.get("key", "")
    if key not in keys:
        return False
    request.session[ASK_KEYS] = [k for k in keys if k != key]
    return True


def _ask_page(request: HttpRequest, classroom: Classroom, form: AskForm, status: int = 200) -> HttpResponse:
    context = {"classroom": classroom, "form": form, "key": _new_ask_key(request), **_help_context(request)}
    return render(request, "classrooms/questions_ask.html", context, status=status)


@never_cache
@sensitive_post_parameters("text")
@student_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    classroom = selectors.classroom_get_for_asker(user=request.user, classroom_id=classroom_id)
    if request.method != "POST":
        return _ask_page(request, classroom, AskForm())
    form = AskForm(request.POST)
    if not form.is_valid():
        return _ask_page(request, classroom, form, status=400)
    if not _use_ask_key(request):
        # Sent already (a reload, a double click) or a form from long ago: nothing stored, nothing lost.
        return render(request, "classrooms/questions_resent.html", {"classroom": classroom}, status=409)
    gate = services.AskGate(request)
    try:
        asked = services.question_ask(classroom=classroom, text=form.cleaned_data["text"], browser=gate.browser)
    except Refused as refusal:
        form.add_error(None, str(refusal))
        return gate.respond(_ask_page(request, classroom, form, status=429))  # type: ignore[return-value]
    context = {
        "classroom": classroom,
        "token": asked.token,
        "flagged": bool(asked.flag),
        "student_message": get_danger_words().student_message,
        **_help_context(request),
    }
    return gate.respond(render(request, "classrooms/questions_sent.html", context))  # type: ignore[return-value]


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "HEAD", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Anyone with a token may look: it is the only key, and it names no one. The token is posted, so it
    stays out of the address, the history and the server's logs."""
    form = CheckForm(request.POST or None)
    context: dict[str, object] = {"form": form, "checked": False}
    if request.method == "POST" and form.is_valid():
        context["checked"] = True
        context["found"] = services.question_check(token=form.cleaned_data["token"])
        context["well_formed"] = services.normalise_token(form.cleaned_data["token"]) is not None
    return render(request, "classrooms/questions_check.html", context)


def _answer_form(question: ClassQuestion, data: QueryDict | None = None) -> AnswerForm:
    """One form per question on the page, each with its own prefix so no two fields share an id."""
    initial = {"shown_question": question.shown_question or question.text, "answer": question.answer}
    return AnswerForm(data, initial=initial, prefix=question.pk.hex)


def _triage_page(request: AuthenticatedRequest, classroom: Classroom) -> HttpResponse:
    danger = get_danger_words()
    context = {
        "classroom": classroom,
        "questions": [
            (question, _answer_form(question), danger.labels.get(question.flag, ""))
            for question in selectors.class_questions(classroom=classroom)
        ],
        "danger": danger,
    }
    return render(request, "classrooms/questions.html", context)


@never_cache
@staff_required
@require_http_methods(["GET", "HEAD"])
def triage(request: AuthenticatedRequest, classroom_id: int) -> HttpResponse:
    return _triage_page(request, access_classroom(request, classroom_id))


def _question(request: AuthenticatedRequest, classroom_id: int, question_id: uuid.UUID) -> ClassQuestion:
    classroom = access_classroom(request, classroom_id)
    return selectors.question_get_for_teacher(classroom=classroom, question_id=question_id)


def _back(question: ClassQuestion) -> HttpResponse:
    return redirect(reverse("classrooms:questions", args=[question.classroom_id]) + f"#q-{question.pk}")


@staff_required
@require_POST
def answer(request: AuthenticatedRequest, classroom_id: int, question_id: uuid.UUID) -> HttpResponse:
    question = _question(request, classroom_id, question_id)
    form = _answer_form(question, request.POST)
    if not form.is_valid():
        messages.error(request, "To answer, write the question as the class will see it and your answer.")
        return _back(question)
    try:
        services.question_answer(question=question, **form.cleaned_data)
    except Refused as refusal:
        return refused(request, refusal, question.classroom)
    messages.success(request, "Answered. Your class sees it on their page as “Someone asked…”.")
    return _back(question)


@staff_required
@require_POST
def hide(request: AuthenticatedRequest, classroom_id: int, question_id: uuid.UUID) -> HttpResponse:
    question = _question(request, classroom_id, question_id)
    hidden = request.POST.get("hidden") != "0"
    try:
        services.question_set_hidden(question=question, hidden=hidden)
    except Refused as refusal:
        return refused(request, refusal, question.classroom)
    messages.success(request, "Hidden from the class." if hidden else "Shown again.")
    return _back(question)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: AuthenticatedRequest, classroom_id: int, question_id: uuid.UUID) -> HttpResponse:
    question = _question(request, classroom_id, question_id)
    classroom = question.classroom
    confirmed, form = delete_confirmed(request)
    if confirmed:
        try:
            services.question_delete(question=question)
        except Refused as refusal:
            return refused(request, refusal, classroom)
        messages.success(request, "The question is deleted.")
        return redirect("classrooms:questions", classroom_id=classroom.pk)
    return confirm_delete_page(
        request,
        form,
        classroom=classroom,
        what="this question",
        consequence="It goes from this list and, if you answered it, from your class’s page. "
        "Its token will find nothing.",
        cancel_url=reverse("classrooms:questions", args=[classroom.pk]),
    )
