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

from .models import User

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponseBase]


class AuthenticatedRequest(HttpRequest):
    """The request a ``*_required`` view gets: someone is signed in (django-stubs' documented pattern)."""

    user: User


def role_required(*roles: str) -> Callable[[View], View]:
    """Visitors are sent to sign in; a signed-in person of another role is refused (403)."""

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
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required(*User.STAFF_ROLES)
school_admin_required = role_required(User.Role.SCHOOL_ADMIN)
student_required = role_required(User.Role.STUDENT)
parent_required = role_required(User.Role.PARENT)
