"""'Report a problem with this page' (/report/): keeps nothing about the reader, refuses a flood,
answers a reader in crisis with help, and lands in a staff-only queue in the admin (and by email)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.registry import get_course
from feedback import services
from feedback.models import ProblemReport, ReportSent

pytestmark = pytest.mark.django_db

PAGE = "/law/scotland/"
REPORT = "The help line number on this card has changed."


def _open_form(client, page: str = PAGE):
    response = client.get(reverse("feedback:report"), {"page": page})
    assert response.status_code == 200
    return response


def _send(client, what: str = REPORT, contact: str = "", page: str = PAGE):
    return client.post(reverse("feedback:report"), {"page": page, "what": what, "contact": contact})


# --- what is stored ---------------------------------------------------------------------------


def test_a_report_stores_no_ip_no_session_no_user_and_no_browser_details():
    for model in (ProblemReport, ReportSent):
        fields = model._meta.get_fields()
        assert not [f for f in fields if isinstance(f, models.GenericIPAddressField)]
        assert not [f for f in fields if f.is_relation], "no link to a user, a session or anything else"
    names = {f.name for f in ProblemReport._meta.get_fields()}
    assert names == {"id", "page", "what", "contact", "status", "created_at", "note"}
    assert {f.name for f in ReportSent._meta.get_fields()} == {"id", "browser", "at"}
    for word in ("ip", "address", "session", "user", "agent", "token"):
        assert not [name for name in names if word in name], word


def test_a_report_is_kept_with_only_what_the_reader_wrote_and_the_page(client):
    _open_form(client)
    response = _send(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("feedback:sent"))
    report = ProblemReport.objects.get()
    assert (report.page, report.what, report.contact, report.status) == (PAGE, REPORT, "", "open")
    [sent] = ReportSent.objects.all()
    assert len(sent.browser) == 64
    assert sent.browser not in client.cookies[services.BROWSER_COOKIE.cookie_name].value, (
        "only a keyed hash of the token"
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks
    assert f'href="{PAGE}"' in thanks


def test_contact_details_are_kept_only_when_given(client):
    _open_form(client)
    _send(client, contact="reader@example.org")
    assert ProblemReport.objects.get().contact == "reader@example.org"


def test_the_form_explains_and_keeps_what_was_written_when_it_is_wrong(client):
    _open_form(client)
    response = _send(client, what="", contact="not an email")
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page
    assert "Enter a valid email address." in page
    assert not ProblemReport.objects.exists()


# "/\\evil.example" is read by browsers as "//evil.example": another host.
@pytest.mark.parametrize(
    "page", ["//evil.example/x", "/\\evil.example/x", "https://evil.example/", "javascript:alert(1)"]
)
def test_a_page_that_is_not_on_this_site_is_refused(client, page):
    _open_form(client)
    response = _send(client, page=page)
    assert response.status_code == 400
    assert not ProblemReport.objects.exists()
    assert 'href="/"' in response.content.decode().split("<main", 1)[1]


def test_a_link_to_another_site_in_the_address_is_not_shown(client):
    for address in ("//evil.example", "/\\evil.example"):
        page = client.get(reverse("feedback:report"), {"page": address}).content.decode()
        assert "evil.example" not in page


# --- limits -------------------------------------------------------------------------------------


def test_a_post_without_the_forms_browser_token_is_refused_and_nothing_kept(client):
    response = _send(client)
    assert response.status_code == 400
    assert "Please send the form again" in response.content.decode()
    assert not ProblemReport.objects.exists()
    assert services.BROWSER_COOKIE.cookie_name in response.cookies, (
        "the refusal gives the token, so sending again works"
    )
    assert _send(client).status_code == 302


def test_one_browser_is_refused_after_its_hourly_limit(client, settings):
    settings.PAUSE_REPORTS_PER_BROWSER = 3
    _open_form(client)
    for _ in range(3):
        assert _send(client).status_code == 302
    refused = _send(client, what="One more report")
    assert refused.status_code == 429
    assert "Please wait an hour" in refused.content.decode()
    assert "One more report" in refused.content.decode(), "nothing the reader wrote is lost"
    assert ProblemReport.objects.count() == 3


def test_a_flood_from_browsers_that_drop_the_cookie_meets_the_hourly_ceiling(settings):
    settings.PAUSE_REPORTS_PER_HOUR = 4
    statuses = []
    for _ in range(6):
        fresh = Client()  # a script that starts again with no cookies each time
        _open_form(fresh)
        statuses.append(_send(fresh).status_code)
    assert statuses == [302, 302, 302, 302, 429, 429]
    assert ProblemReport.objects.count() == 4


def test_counts_older_than_an_hour_no_longer_count_and_are_deleted(client, settings):
    settings.PAUSE_REPORTS_PER_BROWSER = 1
    _open_form(client)
    assert _send(client).status_code == 302
    ReportSent.objects.update(at=timezone.now() - datetime.timedelta(hours=1, minutes=1))
    assert _send(client).status_code == 302
    assert ReportSent.objects.count() == 1, "the old count was deleted"


# --- a reader in crisis ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "what", ["Someone is threatening me and I don't know what to do", "They shared my photo at school", "I’m scared"]
)
def test_a_reader_in_crisis_is_shown_help_for_their_region_and_nothing_is_kept(client, settings, what):
    settings.PAUSE_REPORTS_EMAIL = "ops@example.org"
    client.post(reverse("courses:region"), {"region": "scotland"})
    _open_form(client)
    response = _send(client, what=what)
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:help-region", args=["scotland"]) + "#services"
    page = client.get(response["Location"]).content.decode()
    assert "It is not your fault, and you do not have to deal with it alone." in page
    assert "We have not kept or sent your message." in page
    assert not ProblemReport.objects.exists()
    assert not ReportSent.objects.exists()


def test_a_reader_in_crisis_with_no_region_is_shown_the_help_finder(client):
    _open_form(client)
    response = _send(client, what="He is blackmailing me")
    assert response["Location"] == reverse("courses:help") + "#services"
    assert not ProblemReport.objects.exists()


def test_crisis_words_match_whole_words_only():
    words = get_course().crisis_words
    assert services.mentions_crisis("they SHARED MY PHOTO", words=words)
    assert services.mentions_crisis("Im scared", words=words)
    assert not services.mentions_crisis("The page says blackmailers often ask for money", words=words)
    assert not services.mentions_crisis("Typo in the second paragraph: 'teh'", words=words)


@pytest.mark.parametrize("what", ["I'm being sextorted", "I feel suicidal", "he wants me to send more"])
def test_crisis_words_catch_a_reader_writing_about_themselves(what):
    assert services.mentions_crisis(what, words=get_course().crisis_words)


@pytest.mark.parametrize(
    "what",
    [
        "The sextortion lesson has a broken link",
        "The suicide line number on this page is wrong",
        "The blackmail example should say the FBI, not NCMEC",
        "Please send more detail about the law in Wales",
    ],
)
def test_a_report_that_names_a_hard_topic_still_gets_through(what):
    assert not services.mentions_crisis(what, words=get_course().crisis_words)


# --- where reports go -----------------------------------------------------------------------------


def test_a_report_is_emailed_to_the_configured_address(client, settings, smtp_inbox):
    settings.PAUSE_REPORTS_EMAIL = "ops@example.org"
    _open_form(client)
    _send(client, contact="reader@example.org")
    [message] = smtp_inbox.to("ops@example.org")
    assert PAGE in message["Subject"]
    body = smtp_inbox.body(message)
    assert REPORT in body
    assert "reader@example.org" in body


def test_without_an_address_no_email_is_sent(client, settings, smtp_inbox):
    settings.PAUSE_REPORTS_EMAIL = ""
    _open_form(client)
    _send(client)
    assert smtp_inbox.messages == []
    assert ProblemReport.objects.count() == 1


def test_the_admin_queue_is_for_staff_only(client):
    report = ProblemReport.objects.create(page=PAGE, what=REPORT)
    queue = reverse("admin:feedback_problemreport_changelist")
    assert client.get(queue).status_code == 302  # a visitor is sent to the admin's sign-in

    User = get_user_model()
    teacher = User.objects.create_user("teacher", password="pw-long-enough-1", role=User.Role.TEACHER)
    client.force_login(teacher)
    assert client.get(queue).status_code == 302  # signed in, but not staff: refused
    assert client.get(reverse("admin:feedback_problemreport_change", args=[report.pk])).status_code == 302

    operator = User.objects.create_superuser("operator", password="pw-long-enough-2")
    client.force_login(operator)
    page = client.get(queue)
    assert page.status_code == 200
    assert PAGE in page.content.decode()
    client.post(queue, {"action": "mark_fixed", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == "fixed"


@pytest.mark.parametrize(
    "url",
    ["/modules/consent/what-consent-is/", "/guides/consent-for-parents/", "/law/scotland/", "/help/in/scotland/"],
)
def test_lessons_guides_law_cards_and_help_link_to_the_report_form(client, url):
    page = client.get(url)
    assert page.status_code == 200
    assert f'href="/report/?page={url.replace("/", "%2F")}"' in page.content.decode()
