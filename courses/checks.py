"""Broken content is a Django system check error.

So ``manage.py check``, ``runserver``, ``migrate`` and CI all refuse it, and
list every problem at once, each printed exactly as
``path:line: where: message [content.Ennn]``. The messages carry no check id
on purpose: broken content cannot be silenced with SILENCED_SYSTEM_CHECKS.
"""

from django.core.checks import Error

from .errors import ContentError
from .registry import get_load_result


class _Location(str):
    """The check framework prints ``obj: msg``; the object is the file and line."""


def as_check_errors(errors: list[ContentError]) -> list[Error]:
    messages = []
    for error in errors:
        location = f"{error.path}:{error.line}" if error.line else error.path
        where = f"{error.where}: " if error.where else ""
        messages.append(Error(f"{where}{error.message} [{error.code}]", obj=_Location(location)))
    return messages


def check_content(app_configs=None, **kwargs):
    return as_check_errors(get_load_result().errors)
