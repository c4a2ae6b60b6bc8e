"""A parent's page: linking a child with their family code, and what each child shares."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts import throttle
from accounts.decorators import AuthenticatedRequest, parent_required
from accounts.errors import Refused
from courses.registry import get_course

from ..forms import FamilyLinkForm
from ..selectors import families as selectors
from ..services import families as services
from .common import confirm_delete_page, delete_confirmed, delete_own_account


def _family_page(request: AuthenticatedRequest, form: FamilyLinkForm, status: int) -> HttpResponse:
    course = get_course()
    context = {
        "form": form,
        "children": selectors.family_children(parent=request.user),
        "guides": course.guides_for("parents"),
        "course": course,
    }
    return render(request, "classrooms/family.html", context, status=status)


@parent_required
@require_http_methods(["GET", "HEAD", "POST"])
def family(request: AuthenticatedRequest) -> HttpResponseBase:
    form = FamilyLinkForm(request.POST or None)
    if request.method != "POST":
        return _family_page(request, form, status=200)
    gate = throttle.Gate(request, throttle.Kind.WRONG_FAMILY)
    if gate.wrong_codes_exhausted(form):
        return gate.respond(_family_page(request, form, status=throttle.STATUS))
    if form.is_valid():
        try:
            link = services.family_link_create(parent=request.user, code=form.cleaned_data["code"])
        except Refused as refusal:
            gate.failed()
            form.add_error("code", str(refusal))
        else:
            messages.success(request, f"You are linked with {link.student.first_name}.")
            return gate.respond(redirect("classrooms:family"))
    return gate.respond(_family_page(request, form, status=400))


@parent_required
@require_http_methods(["GET", "HEAD", "POST"])
def family_delete(request: AuthenticatedRequest) -> HttpResponse:
    confirmed, form = delete_confirmed(request)
    if confirmed:
        return delete_own_account(request)
    return confirm_delete_page(
        request,
        form,
        what="your account",
        consequence="Your links to your children go with it; their own accounts and progress stay. "
        "The guides stay free to read without an account.",
        cancel_url=reverse("classrooms:family"),
    )
