"""Who may open a page at all, by role. Which objects they may see is decided in each app's selectors."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def role_required(*roles: str):
    """Visitors are sent to sign in; a signed-in person of another role is refused (403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.role not in roles:
                raise PermissionDenied("This page is not for your kind of account.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required("teacher", "school_admin")
school_admin_required = role_required("school_admin")
student_required = role_required("student")
parent_required = role_required("parent")
