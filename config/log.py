"""The LOGGING setting: every app's module loggers and Django's, to the console and, in production,
errors mailed to ADMINS (through core.reporting, which leaves out addresses, cookies and form values)."""

from __future__ import annotations

from typing import Any

APPS = ("core", "accounts", "courses", "quizzes", "classrooms")


def logging_config(level: str) -> dict[str, Any]:
    pause = {"handlers": ["console", "mail_admins"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "plain"},
            "mail_admins": {
                "level": "ERROR",
                "filters": ["require_debug_false"],
                "class": "django.utils.log.AdminEmailHandler",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own: 4xx at WARNING, a 500 at ERROR (which is mailed).
        "loggers": {"django": pause, **dict.fromkeys(APPS, pause)},
    }
