"""Grown-ups' accounts that recover: a confirmed email, a password reset by email, their own account page.

The round trips go through a real SMTP server on loopback (``smtp_inbox``, aiosmtpd): the site
sends as it would in production, and the test follows the link in the message it received.
"""

from __future__ import annotations

import re
import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import signing

from accounts import mail, tokens
from accounts.models import School, User
from classrooms.models import Classroom, FamilyLink
from classrooms.services import families as family_services
from tests.classroom_world import PASSWORD, build_school
from tests.mail_server import free_port

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a brand new long passphrase"  # noqa: S105 (test account)
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def school():
    return build_school("a")


def link_in(body: str, contains: str) -> str:
    [link] = [url for url in LINK.findall(body) if contains in url]
    return urlsplit(link).path


def sign_up_teacher(client, email="rivera@example.org", **school):
    choice = school or {"school_choice": "create", "school_name": "Hill School"}
    form = {"name": "Ms Rivera", "email": email, "password": "a long enough passphrase", **choice}
    return client.post("/accounts/signup/teacher/", form)


# --- the round trips through a real SMTP server -------------------------------------------------


def test_a_teacher_confirms_their_email_from_a_message_sent_over_smtp(client, smtp_inbox):
    assert sign_up_teacher(client)["Location"] == "/accounts/signup/check-email/"
    [message] = smtp_inbox.to("rivera@example.org")
    assert message["Subject"] == "Confirm your email for Pause"
    path = smtp_inbox.link(message, "/accounts/confirm/")
    assert not School.objects.filter(name="Hill School").exists()
    page = client.get(path)
    assert "Confirm my email" in page.content.decode()
    assert not User.objects.get(username="rivera@example.org").email_verified  # opening the link alone changes nothing
    assert client.post(path)["Location"] == "/accounts/login/"
    user = User.objects.get(username="rivera@example.org")
    assert user.email_verified
    assert user.staff_membership.school.name == "Hill School"


def test_a_forgotten_password_is_reset_over_smtp_and_the_reset_lifts_the_sign_in_lock(
    client, smtp_inbox, school, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    teacher = school.teacher
    for _ in range(3):
        client.post("/accounts/login/", {"username": teacher.username, "password": "wrong words here"})
    locked = client.post("/accounts/login/", {"username": teacher.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "/accounts/password/reset/" in locked.content.decode()  # D5: the grown-ups' way out
    sent = client.post("/accounts/password/reset/", {"email": "Teacher-A@example.org"})
    assert sent["Location"] == "/accounts/password/reset/sent/"
    [message] = smtp_inbox.to(teacher.email)
    choose = client.get(smtp_inbox.link(message, "/accounts/password/reset/"), follow=True)
    assert "Choose a new password" in choose.content.decode()
    done = client.post(choose.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password/reset/done/"
    signed_in = client.post("/accounts/login/", {"username": teacher.username, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302  # the lock is gone with the new password
    assert client.get("/teach/").status_code == 200


# --- refusals -----------------------------------------------------------------------------------


def test_an_unconfirmed_teacher_can_neither_create_nor_join_a_school(client, school, mailoutbox):
    sign_up_teacher(client, "maker@example.org")
    code = school.admin.staff_membership.school.staff_code
    sign_up_teacher(client, "joiner@example.org", school_choice="join", staff_code=code)
    assert not School.objects.filter(name="Hill School").exists()
    for email in ("maker@example.org", "joiner@example.org"):
        user = User.objects.get(username=email)
        assert not hasattr(user, "staff_membership")
        client.force_login(user)
        assert client.get("/teach/")["Location"] == "/accounts/signup/check-email/"
        assert client.post("/teach/classes/new/", {"name": "Sneaky"})["Location"] == "/accounts/signup/check-email/"
    assert client.get("/teach/school/").status_code == 403  # a joining teacher is no school admin anyway
    client.force_login(User.objects.get(username="maker@example.org"))
    assert client.get("/teach/school/")["Location"] == "/accounts/signup/check-email/"
    assert not Classroom.objects.filter(name="Sneaky").exists()


def test_an_unconfirmed_parent_cannot_link_to_a_child(client, school):
    client.post(
        "/accounts/signup/parent/", {"name": "Pat", "email": "pat@example.org", "password": "a long enough passphrase"}
    )
    pat = User.objects.get(username="pat@example.org")
    signed_in = client.post("/accounts/login/", {"username": "pat@example.org", "password": "a long enough passphrase"})
    assert signed_in.status_code == 302  # an unconfirmed grown-up can sign in, and reaches nothing
    code = family_services.family_code_create(student=school.student).code
    refused = client.post("/family/", {"code": code})
    assert refused["Location"] == "/accounts/signup/check-email/"
    assert not FamilyLink.objects.filter(parent=pat).exists()
    assert client.get("/family/")["Location"] == "/accounts/signup/check-email/"
    waiting = client.get("/accounts/signup/check-email/").content.decode()
    assert 'confirm that <strong class="text-break">pat@example.org</strong> is yours' in waiting
    assert "Send it again" in waiting


def test_an_expired_or_altered_confirmation_link_is_refused(client, mailoutbox):
    sign_up_teacher(client)
    user = User.objects.get(username="rivera@example.org")
    good = link_in(mailoutbox[0].body, "/accounts/confirm/")
    altered = good.replace("/confirm/", "/confirm/x")
    for path in (altered, good[:-3] + "/"):
        response = client.post(path)
        assert response.status_code == 400
        assert "This link is not right" in response.content.decode()
    four_days_ago = time.time() - 4 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        old = signing.dumps({"u": user.pk, "e": user.email}, salt=tokens.VERIFY_SALT)
    expired = client.post(f"/accounts/confirm/{old}/")
    assert expired.status_code == 400
    assert "This link has expired" in expired.content.decode()
    user.refresh_from_db()
    assert not user.email_verified
    assert not School.objects.exists()


def test_a_password_reset_for_a_student_sends_nothing(client, school, mailoutbox):
    username = next(iter(school.logins))
    by_name = client.post("/accounts/password/reset/", {"email": username})
    assert by_name.status_code == 200  # not an email address: the form says so, and nothing is sent
    assert "Enter a valid email address" in by_name.content.decode()
    User.objects.filter(username=username).update(email="kid@example.org")  # even if a student had an email
    assert client.post("/accounts/password/reset/", {"email": "kid@example.org"}).status_code == 302
    assert client.post("/accounts/password/reset/", {"email": "nobody@example.org"}).status_code == 302
    assert mailoutbox == []


def test_signup_with_a_taken_address_looks_the_same_and_mails_the_owner_instead(client, school, mailoutbox):
    def sign_up(email):
        form = {"name": "P", "email": email, "password": "a long enough passphrase"}
        response = client.post("/accounts/signup/parent/", form)
        page = client.get(response["Location"]).content.decode()
        return response["Location"], re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)

    assert sign_up("Teacher-A@Example.org") == sign_up("new-parent@example.org")
    assert User.objects.filter(username__iexact="teacher-a@example.org").count() == 1
    assert school.teacher.__class__.objects.get(pk=school.teacher.pk).role == User.Role.TEACHER  # unchanged
    owner, newcomer = (
        next(m for m in mailoutbox if m.to == [a]) for a in ("teacher-a@example.org", "new-parent@example.org")
    )
    assert "Someone tried to sign up" in owner.subject
    assert "/accounts/password/reset/" in owner.body
    assert "/accounts/confirm/" not in owner.body  # no link that would confirm someone else's sign-up
    assert "/accounts/confirm/" in newcomer.body


def test_send_it_again_is_limited_per_account(client, mailoutbox):
    sign_up_teacher(client)
    for _ in range(mail.MAILS_PER_HOUR + 2):
        last = client.post("/accounts/signup/send-again/", follow=True)
    assert len(mailoutbox) == mail.MAILS_PER_HOUR
    assert "wait an hour" in last.content.decode()
    assert all("/accounts/confirm/" in message.body for message in mailoutbox)


def test_a_mail_server_that_does_not_answer_never_breaks_sign_up(client, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    assert sign_up_teacher(client)["Location"] == "/accounts/signup/check-email/"
    assert User.objects.filter(username="rivera@example.org").exists()  # "Send it again" can retry
    assert "account mail not sent: verify.txt (ConnectionRefusedError)" in caplog.messages
    assert "rivera@example.org" not in caplog.text
    retried = client.post("/accounts/signup/send-again/", follow=True)
    assert "the mail server did not answer" in retried.content.decode()


# --- the account page ---------------------------------------------------------------------------


def test_a_grown_up_changes_name_email_and_password_from_their_account_page(client, school, mailoutbox):
    teacher = school.teacher
    client.force_login(teacher)
    assert client.post("/accounts/settings/", {"action": "name", "n-name": "Ms Okafor"}).status_code == 302
    wrong = client.post(
        "/accounts/settings/", {"action": "email", "e-email": "new@example.org", "e-current_password": "nope"}
    )
    assert wrong.status_code == 400
    assert mailoutbox == []
    asked = client.post(
        "/accounts/settings/", {"action": "email", "e-email": "New@Example.org", "e-current_password": PASSWORD}
    )
    assert asked.status_code == 302
    teacher.refresh_from_db()
    assert (teacher.first_name, teacher.email) == ("Ms Okafor", "teacher-a@example.org")  # not until the link
    [message] = mailoutbox
    assert message.to == ["new@example.org"]
    assert client.post(link_in(message.body, "/accounts/settings/email/"))["Location"] == "/accounts/settings/"
    teacher.refresh_from_db()
    assert (teacher.username, teacher.email) == ("new@example.org", "new@example.org")
    changed = client.post(
        "/accounts/settings/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed["Location"] == "/accounts/settings/"
    assert client.get("/teach/").status_code == 200  # this session stays signed in
    client.logout()
    signed_in = client.post("/accounts/login/", {"username": "new@example.org", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


@pytest.mark.parametrize(("who", "delete_page"), [("teacher", "/teach/account/delete/"), ("parent", "/family/delete/")])
def test_the_account_page_leads_to_deleting_the_account(client, school, who, delete_page):
    client.force_login(getattr(school, who))
    page = client.get("/accounts/settings/").content.decode()
    assert f'href="{delete_page}"' in page
    assert client.get(delete_page).status_code == 200


def test_a_new_email_that_another_account_took_meanwhile_is_refused(client, school, mailoutbox):
    client.force_login(school.parent)
    client.post(
        "/accounts/settings/", {"action": "email", "e-email": "teacher-a@example.org", "e-current_password": PASSWORD}
    )
    refused = client.post(link_in(mailoutbox[0].body, "/accounts/settings/email/"))
    assert refused.status_code == 400
    assert "Another account has that email" in refused.content.decode()
    school.parent.refresh_from_db()
    assert school.parent.email == "parent-a@example.org"


def test_students_have_no_account_page_and_are_told_to_ask_their_teacher(client, school, settings):
    client.force_login(school.student)
    assert client.get("/accounts/settings/").status_code == 403
    client.logout()
    settings.AXES_FAILURE_LIMIT = 1
    username = next(iter(school.logins))
    client.post("/accounts/login/", {"username": username, "password": "wrong words"})
    locked = client.post("/accounts/login/", {"username": username, "password": "wrong words"}).content.decode()
    assert "ask your teacher for a new passphrase" in locked
    assert "Forgot your password?" in client.get("/accounts/login/").content.decode()
