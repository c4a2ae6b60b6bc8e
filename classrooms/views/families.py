"""A parent's page: linking a child with their family code, what each child shares, and the weekly email."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts import throttle
from accounts.decorators import AuthenticatedRequest, parent_required
from accounts.errors import Refused
from courses.registry import get_course

from .. import digest
from ..forms import FamilyLinkForm
from ..models import FamilyDigest
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
        "subscribed": FamilyDigest.objects.filter(parent=request.user).exists(),
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


@parent_required
@require_POST
def family_digest(request: AuthenticatedRequest) -> HttpResponse:
    """Start or stop the weekly email (to the parent's own account email)."""
    if request.POST.get("digest") == "on":
        services.family_digest_subscribe(parent=request.user)
        messages.success(
            request, f"Each week’s card will be emailed to {request.user.email}. Stop it here at any time."
        )
    else:
        services.family_digest_unsubscribe(parent=request.user)
        messages.success(request, "The weekly email has stopped.")
    return redirect(reverse("classrooms:family") + "#digest")


@csrf_exempt  # the signed link is the credential; mail programs POST to it with no page (RFC 8058)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def family_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe from the weekly email, with no sign-in: GET asks, POST stops it."""
    try:
        parent = digest.parent_for_token(token)
    except signing.BadSignature:
        return render(request, "classrooms/unsubscribe.html", {"broken": True}, status=400)
    if request.method == "POST":
        if parent is not None:
            services.family_digest_unsubscribe(parent=parent)
        return render(request, "classrooms/unsubscribe.html", {"done": True})
    return render(request, "classrooms/unsubscribe.html", {"token": token})
