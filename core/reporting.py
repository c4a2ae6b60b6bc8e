"""Error reports that say what broke and nothing about who was there.

Django's error mail (ADMINS) and DEBUG page list the request: its address,
cookies, form values and the signed-in user's name. For a site read by
children those are theirs, not the operator's: the filter here replaces
addresses, every cookie and every submitted value with stars, and the reporter
names the user by id only. The traceback, the path and the query string stay.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

# Request headers (META keys) that carry the reader's address, or secrets.
_PRIVATE_META = re.compile(r"ADDR|FORWARDED|REAL_IP|CLIENT_IP|REMOTE_HOST|COOKIE|AUTHORIZATION|TOKEN", re.IGNORECASE)


class PrivateReporterFilter(SafeExceptionReporterFilter):
    """Django's filter, plus: no client address, no cookie and no submitted value is shown."""

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        return {key: self.cleansed_substitute if _PRIVATE_META.search(key) else value for key, value in meta.items()}

    def get_safe_cookies(self, request: HttpRequest) -> dict[str, Any]:
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, Any]:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)


class PrivateExceptionReporter(ExceptionReporter):
    """Names the signed-in user by id, never by username (a student's made-up name, an adult's email)."""

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        user = getattr(self.request, "user", None)
        if data.get("user_str"):
            data["user_str"] = f"user id {user.pk}" if user is not None and user.is_authenticated else "a visitor"
        return data


def axes_client_str(username: Any, ip_address: Any, user_agent: Any, path_info: Any, request: Any) -> str:
    """How django-axes names a client in its log lines: by the page only (AXES_CLIENT_STR_CALLABLE)."""
    return f"a client on {path_info}" if isinstance(path_info, str) else "a client"
