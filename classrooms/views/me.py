"""Arriving, and a student's own page: joining a class, the login shown once, what is set, sharing, data."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.decorators import AuthenticatedRequest, student_required
from accounts.errors import Refused
from accounts.signin import sign_in

from .. import throttle
from ..forms import JoinForm
from ..links import own_page
from ..selectors import access
from ..selectors import me as selectors
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
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None)
    context = {"form": form, "signed_in": request.user.is_authenticated}
    if request.method == "POST":
        if throttle.exhausted(request, throttle.Scope.JOIN, form):
            return render(request, "classrooms/join.html", context, status=throttle.STATUS)
        if form.is_valid():
            try:
                student, issued = student_services.student_join(**form.cleaned_data)
            except Refused as refusal:
                throttle.failed(request, throttle.Scope.JOIN)
                form.add_error("code", str(refusal))
            else:
                sign_in(request, student)
                issue(request, [issued])
                return redirect("classrooms:welcome")
    return render(request, "classrooms/join.html", context)


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
