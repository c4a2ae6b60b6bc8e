"""Reports of a problem with a page: kept for the operator, limited without identifying anyone.

- **Per browser**: the form gives each browser a random token in a signed cookie (``ReportGate``);
  PAUSE_REPORTS_PER_BROWSER reports from one token an hour. Only a keyed hash of the token is stored,
  and only for the hour.
- **In all**: PAUSE_REPORTS_PER_HOUR reports from everyone an hour, so a script that drops the cookie
  meets a ceiling too, without the site ever storing an address.
- **Crisis**: a message that says the writer is in danger or scared (content/crisis-words.yaml) is not a
  report about a page: it is not kept or sent anywhere, and the reader is shown help where they live.
"""

from __future__ import annotations

import datetime
import logging
import re

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone

from core.browsers import BrowserCookie

from .models import ProblemReport, ReportSent

logger = logging.getLogger(__name__)

BROWSER_COOKIE = BrowserCookie(
    "pausereport", salt="pause.feedback.browser", max_age=24 * 3600, samesite="Strict", kind="report"
)
WINDOW = datetime.timedelta(hours=1)
_APOSTROPHES = re.compile(r"['’‘`]")


def mentions_crisis(text: str, *, words: tuple[str, ...]) -> bool:
    """True when ``text`` holds one of the crisis words or phrases, as whole words (case and apostrophes ignored)."""
    plain = " " + " ".join(re.findall(r"[a-z0-9]+", _APOSTROPHES.sub("", text.lower()))) + " "
    return any(f" {' '.join(re.findall(r'[a-z0-9]+', _APOSTROPHES.sub('', word)))} " in plain for word in words)


class ReportGate:
    """One request's view of the limits. ``gate.respond(response)`` gives a new browser its token."""

    def __init__(self, request: HttpRequest) -> None:
        self._token = BROWSER_COOKIE.read(request)
        self.had_token = self._token.had_token
        self.browser = self._token.browser

    def refusal(self) -> str | None:
        """Why a report cannot be sent now, or None."""
        recent = ReportSent.objects.filter(at__gte=timezone.now() - WINDOW)
        if recent.filter(browser=self.browser).count() >= settings.PAUSE_REPORTS_PER_BROWSER:
            logger.warning("refused a problem report: too many from one browser")
            return "You have sent several reports in the last hour. Thank you. Please wait an hour before sending more."
        if recent.count() >= settings.PAUSE_REPORTS_PER_HOUR:
            logger.warning("refused a problem report: the hourly ceiling for everyone is reached")
            return "A lot of reports have reached us in the last hour. Please try again in an hour."
        return None

    def respond(self, response: HttpResponseBase) -> HttpResponseBase:
        return self._token.respond(response)


def report_create(*, gate: ReportGate, page: str, what: str, contact: str = "") -> ProblemReport:
    """Keep a report for the operator (and mail it to PAUSE_REPORTS_EMAIL, if set), counted against the limits."""
    now = timezone.now()
    with transaction.atomic():
        report = ProblemReport.objects.create(page=page, what=what, contact=contact)
        ReportSent.objects.create(browser=gate.browser, at=now)
        ReportSent.objects.filter(at__lt=now - WINDOW).delete()
    logger.info("problem report %s kept for %s", report.pk, page)
    if settings.PAUSE_REPORTS_EMAIL:
        send_mail(
            subject=f"{settings.EMAIL_SUBJECT_PREFIX}Problem reported on {page}",
            message=(
                f"Page: {page}\n\nWhat is wrong:\n{what}\n\n"
                + (f"Reply to: {contact}\n" if contact else "No contact given.\n")
                + "\nWork through reports in the admin: Reported problems."
            ),
            from_email=None,
            recipient_list=[settings.PAUSE_REPORTS_EMAIL],
            fail_silently=True,  # the report is kept either way; the mail is a nudge
        )
    return report
