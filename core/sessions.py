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


@receiver(user_logged_in, dispatch_uid="pause-session-signed-in-at")
def start_the_clock(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Signing in (again) restarts the absolute limit, even within the same session."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())
