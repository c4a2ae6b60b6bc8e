"""What readers tell the operator about a page (/report/), and the counts that keep the form from flooding.

A report keeps only what the reader wrote, the page it is about, and a way to reach them if they chose
to give one. No address, no session, no user, no browser: there is no field for them.
"""

from __future__ import annotations

from django.db import models


class ProblemReport(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        FIXED = "fixed", "Fixed"
        DECLINED = "declined", "Declined"

    WHAT_MAX = 2000

    page = models.CharField(max_length=300, help_text="The site path the report is about.")
    what = models.TextField("What is wrong", max_length=WHAT_MAX)
    contact = models.EmailField("How to reach them", blank=True, help_text="Only if the reader chose to give it.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField("Operator's note", blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "reported problem"

    def __str__(self) -> str:
        return f"{self.page}: {self.what[:60]}"


class ReportSent(models.Model):
    """One report sent, counted for an hour: per browser (a keyed hash of a random token) and in all.

    Not the report: a row here holds nothing a person wrote, and is deleted after the hour.
    """

    browser = models.CharField(max_length=64)  # HMAC-SHA256 of the browser's random token, keyed with SECRET_KEY
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"a report sent at {self.at:%H:%M}"
