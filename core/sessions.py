"""What core keeps in the session: when the reader signed in and when the session was last saved.

Constants and the sign-in receiver only, so the middleware (which reads them) and
anything else that needs the names import nothing that writes.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

SIGNED_IN_AT = "pause.signed_in_at"
TOUCHED_AT = "pause.touched_at"
# Secrets shown once (new passphrases for a login card or the welcome page): a dict with an "at"
# timestamp. They leave the session when shown, and the middleware drops them on any request made
# more than SHOWN_ONCE_SECONDS after they were put there, shown or not.
SHOWN_ONCE = "pause.issued"
SHOWN_ONCE_SECONDS = 5 * 60


def shown_once_stale(value: Any, now: float) -> bool:
    at = value.get("at") if isinstance(value, dict) else None
    return not isinstance(at, int | float) or now - at > SHOWN_ONCE_SECONDS


@receiver(user_logged_in, dispatch_uid="pause-session-signed-in-at")
def start_the_clock(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Signing in (again) restarts the absolute limit, even within the same session."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
