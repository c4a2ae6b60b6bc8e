"""What every audience's pages share: logins shown once, confirming a deletion, a JSON download."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts import services as account_services
from accounts.decorators import AuthenticatedRequest
from accounts.errors import Refused
from core.sessions import SHOWN_ONCE, shown_once_stale

from ..forms import ConfirmDeleteForm
from ..models import Classroom
from ..services.students import IssuedLogin

# Logins shown once: kept in the session only until the page that shows them is opened, and at most
# SHOWN_ONCE_SECONDS (F20); core's session middleware drops a stale one on the next request.
ISSUED_KEY = SHOWN_ONCE


def issue(request: HttpRequest, logins: Iterable[IssuedLogin], classroom_id: int | None = None) -> None:
    request.session[ISSUED_KEY] = {
        "class": classroom_id,
        "at": time.time(),
        "logins": [issued.as_session() for issued in logins],
    }


def take_issued(request: HttpRequest, classroom_id: int | None = None) -> list[dict[str, str]]:
    """The logins to show now, once: they leave the session whether or not they are this page's."""
    issued = request.session.pop(ISSUED_KEY, None)
    if not issued or shown_once_stale(issued, time.time()) or issued.get("class") != classroom_id:
        return []
    logins: list[dict[str, str]] = issued.get("logins", [])
    return logins


def refused(request: HttpRequest, refusal: Refused, classroom: Classroom) -> HttpResponse:
    """Back to the class page, saying why."""
    messages.error(request, str(refusal))
    return redirect("classrooms:class", classroom_id=classroom.pk)


def delete_confirmed(request: HttpRequest) -> tuple[bool, ConfirmDeleteForm]:
    """Every deletion has one shape: a page that says what goes, and a ticked box to POST."""
    form = ConfirmDeleteForm(request.POST or None)
    return request.method == "POST" and form.is_valid(), form


def confirm_delete_page(
    request: HttpRequest,
    form: ConfirmDeleteForm,
    *,
    what: str,
    consequence: str,
    cancel_url: str,
    classroom: Classroom | None = None,
) -> HttpResponse:
    return render(
        request,
        "classrooms/confirm_delete.html",
        {"form": form, "classroom": classroom, "what": what, "consequence": consequence, "cancel_url": cancel_url},
        status=400 if request.method == "POST" else 200,
    )


def delete_own_account(request: AuthenticatedRequest, *, deleted: bool = False) -> HttpResponse:
    """Delete the signed-in person (unless a service already did, ``deleted``) and sign them out."""
    if not deleted:
        account_services.user_delete(user=request.user)
    request.session.flush()
    return redirect("courses:home")


def json_download(data: dict[str, Any], filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
