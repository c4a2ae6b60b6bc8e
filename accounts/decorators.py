"""Who may open a page at all, by role. Which objects they may see is decided in each app's selectors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from .models import User

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponseBase]


class AuthenticatedRequest(HttpRequest):
    """The request a ``*_required`` view gets: someone is signed in (django-stubs' documented pattern)."""

    user: User


def role_required(*roles: str, confirmed: bool = True) -> Callable[[View], View]:
    """Visitors are sent to sign in; a signed-in person of another role is refused (403).

    A grown-up who has not confirmed their email is sent to "check your email" instead: no
    school, class or child is reached before the address is proven (the safeguarding rule).
    Only their own account pages pass ``confirmed=False``.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            role = user.role if isinstance(user, User) else ""
            if role not in roles:
                logger.warning("refused: user %s (role %r) may not open %s", user.pk, role, view.__qualname__)
                raise PermissionDenied("This page is not for your kind of account.")
            if confirmed and isinstance(user, User) and user.is_adult and not user.email_verified:
                logger.warning("refused: user %s has not confirmed their email for %s", user.pk, view.__qualname__)
                return redirect("signup-check-email")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required(*User.STAFF_ROLES)
school_admin_required = role_required(User.Role.SCHOOL_ADMIN)
student_required = role_required(User.Role.STUDENT)
parent_required = role_required(User.Role.PARENT)
# A grown-up's own account page (name, email, password): also before their email is confirmed.
adult_required = role_required(User.Role.TEACHER, User.Role.SCHOOL_ADMIN, User.Role.PARENT, confirmed=False)
