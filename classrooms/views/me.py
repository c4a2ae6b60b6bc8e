"""Arriving, and a student's own page: joining a class, the login shown once, what is set, sharing, data."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import throttle
from accounts.credentials import TYPED_CODE_MAX
from accounts.decorators import AuthenticatedRequest, student_required
from accounts.errors import Refused
from accounts.signin import sign_in

from ..forms import JoinForm
from ..links import own_page
from ..selectors import access
from ..selectors import me as selectors
from ..selectors import questions as question_selectors
from ..services import families as family_services
from ..services import students as student_services
from .common import (
    confirm_delete_page,
    delete_confirmed,
    delete_own_account,
    issue,
    json_download,
    take_issued,
)


@require_safe
def after_login(request: HttpRequest) -> HttpResponse:
    """Where each kind of account lands after signing in: its own page, or the course."""
    page = own_page(request.user)
    return redirect(page.url_name if page else "courses:home")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def join(request: HttpRequest) -> HttpResponseBase:
    # A join link (/join/?code=…, from the class's QR or a share link) fills the code in; it never submits.
    typed = request.GET.get("code", "")[:TYPED_CODE_MAX].strip()
    form = JoinForm(request.POST or None, initial={"code": typed} if typed else None)
    context = {"form": form, "signed_in": request.user.is_authenticated}
    if request.method != "POST":
        return render(request, "classrooms/join.html", context)
    gate = throttle.Gate(request, throttle.Kind.WRONG_JOIN)
    return gate.respond(_join(request, form, gate, context))


def _join(request: HttpRequest, form: JoinForm, gate: throttle.Gate, context: dict[str, Any]) -> HttpResponseBase:
    """Too many wrong codes from this browser or address, a wrong code, a full class, or in."""
    classroom_id = selectors.classroom_id_for_join_code(form.cleaned_data["code"]) if form.is_valid() else None
    if gate.wrong_codes_exhausted(form):
        if classroom_id is not None:
            gate.refused_right_code(target=str(classroom_id))
        return render(request, "classrooms/join.html", context, status=throttle.STATUS)
    if not form.is_valid():
        return render(request, "classrooms/join.html", context, status=400)
    if classroom_id is None:
        gate.failed()
        form.add_error("code", student_services.WRONG_JOIN_CODE)
        return render(request, "classrooms/join.html", context, status=400)
    if gate.joins_exhausted(target=str(classroom_id), form=form):
        return render(request, "classrooms/join.html", context, status=throttle.STATUS)
    try:
        student, issued = student_services.student_join(**form.cleaned_data)
    except Refused as refusal:  # the code changed a moment ago
        form.add_error("code", str(refusal))
        return render(request, "classrooms/join.html", context, status=400)
    gate.joined(target=str(classroom_id))
    sign_in(request, student)
    issue(request, [issued])
    return redirect("classrooms:welcome")


@never_cache
@student_required
def welcome(request: AuthenticatedRequest) -> HttpResponse:
    logins = take_issued(request)
    if not logins:
        return redirect("classrooms:me")
    return render(request, "classrooms/welcome.html", {"issued": logins[0]})


@student_required
@require_safe
def me(request: AuthenticatedRequest) -> HttpResponse:
    student = request.user
    context = {
        "assignments": selectors.student_assignments(student=student),
        "watchers": selectors.student_watchers(student=student),
        "family_code": selectors.family_code_current(student=student),
        "class_answers": question_selectors.class_answers_for_student(student=student),
    }
    return render(request, "classrooms/me.html", context)


@student_required
@require_POST
def family_code_create(request: AuthenticatedRequest) -> HttpResponse:
    code = family_services.family_code_create(student=request.user)
    messages.success(
        request, f"Your family code is {code.code}. Give it to a parent or carer; it works once, for a week."
    )
    return redirect("classrooms:me")


@student_required
@require_POST
def family_link_revoke(request: AuthenticatedRequest, link_id: int) -> HttpResponse:
    link = access.family_link_get_for_student(student=request.user, link_id=link_id)
    name = link.parent.first_name
    family_services.family_link_revoke(link=link)
    messages.success(request, f"{name} can no longer see your progress.")
    return redirect("classrooms:me")


@student_required
@require_safe
def me_export(request: AuthenticatedRequest) -> HttpResponse:
    return json_download(selectors.student_export(student=request.user), f"pause-{request.user.username}.json")


@student_required
@require_http_methods(["GET", "HEAD", "POST"])
def me_delete(request: AuthenticatedRequest) -> HttpResponse:
    confirmed, form = delete_confirmed(request)
    if confirmed:
        return delete_own_account(request)
    return confirm_delete_page(
        request,
        form,
        what="your account",
        consequence="Your progress, quiz answers, classes and family links all go. Your teacher will "
        "no longer see you in their class. You can still read everything on Pause without an account.",
        cancel_url=reverse("classrooms:me"),
    )
