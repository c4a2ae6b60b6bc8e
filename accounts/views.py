"""Signing up as a grown-up, and signing out. Signing in is Django's LoginView (urls.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import services, throttle
from .errors import Refused
from .forms import AdultSignupForm, StaffSignupForm
from .models import User
from .signin import sign_in


class LogoutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget this site's cache, cookies and storage.

    On a shared classroom computer the next pupil must not find the last one's
    pages in the back button or the cache (ASVS 14.3.1).
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


def _signed_up(request: HttpRequest, user: User) -> HttpResponse:
    sign_in(request, user)
    return redirect(settings.LOGIN_REDIRECT_URL)  # each role's own page


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_staff(request: HttpRequest) -> HttpResponseBase:
    form = StaffSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        creating = data["school_choice"] == StaffSignupForm.CREATE
        gate = throttle.Gate(request, throttle.Kind.WRONG_STAFF)  # school codes are limited like class codes (F1)
        if not creating and gate.wrong_codes_exhausted(form):
            return gate.respond(render(request, "accounts/signup_staff.html", {"form": form}, status=throttle.STATUS))
        try:
            user = services.staff_signup(
                email=data["email"],
                name=data["name"],
                password=data["password"],
                school_name=data["school_name"] if creating else "",
                staff_code="" if creating else data["staff_code"],
            )
        except services.WrongStaffCode as refusal:
            gate.failed()
            form.add_error(None, str(refusal))
            return gate.respond(render(request, "accounts/signup_staff.html", {"form": form}))
        except Refused as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as invalid:  # a limit the form did not catch, from the model's full_clean()
            form.add_error(None, invalid.messages)
        else:
            return _signed_up(request, user)
    return render(request, "accounts/signup_staff.html", {"form": form})


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def signup_parent(request: HttpRequest) -> HttpResponse:
    form = AdultSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.parent_signup(email=data["email"], name=data["name"], password=data["password"])
        except Refused as refusal:
            form.add_error(None, str(refusal))
        except ValidationError as invalid:  # a limit the form did not catch, from the model's full_clean()
            form.add_error(None, invalid.messages)
        else:
            return _signed_up(request, user)
    return render(request, "accounts/signup_parent.html", {"form": form})
