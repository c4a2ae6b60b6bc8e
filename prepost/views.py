"""The before-and-after check's pages for a student. Plain forms: they work without JavaScript."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .domain import Phase
from .forms import CheckForm

logger = logging.getLogger(__name__)


def _phase(phase: str) -> Phase:
    try:
        return Phase(phase)
    except ValueError:
        raise Http404("No such check.") from None


def _where_next(module_id: str, phase: Phase) -> str:
    """After the "before" check, the first lesson; after the "after" check, the student's progress."""
    module, _ = selectors.check_get(module_id=module_id)
    if phase == Phase.AFTER:
        return reverse("quizzes:progress") + "#checks"
    first = module.lessons[0] if module.lessons else None
    return (
        reverse("courses:lesson", args=[module.id, first.id]) if first else reverse("courses:module", args=[module.id])
    )


@require_http_methods(["GET", "HEAD", "POST"])
def check_take(request: HttpRequest, module_id: str, phase: str) -> HttpResponse:
    when = _phase(phase)
    module, check = selectors.check_get(module_id=module_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not selectors.is_student(request.user):
        messages.info(request, "The before-and-after check is for students in a class. Everything else is open to you.")
        return redirect("courses:module", module_id=module.id)
    if when == Phase.BEFORE and selectors.check_answer_get(user=request.user, module_id=module.id, phase=when):
        messages.info(request, "You have already done the “before” check for this module.")
        return redirect(_where_next(module.id, when))
    form = CheckForm(request.POST or None, check=check)
    context = {"module": module, "check": check, "phase": when, "form": form}
    if request.method != "POST":
        return render(request, "prepost/take.html", context)
    if not form.is_valid():
        logger.warning("refused a check: user %s module %s: %s", request.user.pk, module.id, ",".join(form.errors))
        return render(request, "prepost/take.html", context, status=400)
    try:
        services.check_answer_record(
            user=request.user, check=check, phase=when, ratings=form.ratings(), choices=form.choices()
        )
    except services.CheckRefused as refusal:
        messages.info(request, str(refusal))
        return redirect(_where_next(module.id, when))
    if when == Phase.BEFORE:
        messages.success(request, "Thank you. You can see how this changes after the quiz. Now the first lesson.")
    else:
        messages.success(request, "Thank you. Here is how your answers changed.")
    return redirect(_where_next(module.id, when))


@require_POST
def check_not_now(request: HttpRequest, module_id: str, phase: str) -> HttpResponse:
    when = _phase(phase)
    module, check = selectors.check_get(module_id=module_id)
    if selectors.is_student(request.user):
        services.check_answer_skip(user=request.user, check=check, phase=when)
    messages.info(request, "No problem. The check will not be offered again for this module.")
    if when == Phase.AFTER:
        return redirect("quizzes:progress")
    return redirect(_where_next(module.id, when))
