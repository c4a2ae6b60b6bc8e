"""Issue 15: parents who know what is set this week.

/family/'s "This week" card, the weekly email (sent through a real local SMTP server, once a week,
only what a child shares), its signed one-click unsubscribe, and a family code typed at sign-up.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from accounts import services as account_services
from accounts.models import User
from classrooms import digest
from classrooms.models import Assignment, FamilyCode, FamilyDigest, FamilyLink
from classrooms.services import families as family_services
from classrooms.services import teaching as teaching_services
from courses.registry import get_course
from tests.classroom_world import PASSWORD, build_school, signed_in
from tests.mail_server import free_port

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def school():
    return build_school("a")


def first_module():
    return get_course().modules[0]


def send(*extra: str) -> None:
    call_command("send_family_digest", "--site", SITE, *extra)


def subscribe(client, parent) -> None:
    signed_in(client, parent)
    assert client.post("/family/digest/", {"digest": "on"}).status_code == 302


def test_this_week_card_shows_the_work_set_and_the_module_family_card(client, school):
    module = first_module()
    soon = timezone.localdate() + datetime.timedelta(days=3)
    Assignment.objects.filter(classroom=school.classroom).update(due_on=soon)
    page = signed_in(client, school.parent).get("/family/").content.decode()
    assert module.family is not None
    card = page[page.index("This week") : page.index("Everything set by their teacher")]
    assert f"{module.title}, due {soon.strftime('%A')} {soon.day} {soon.strftime('%B')}" in card
    for thing in module.family.learn:
        assert escape(thing) in card
    assert escape(module.family.question) in card
    assert f'href="/guides/{module.family.guide_id}/"' in card


def test_work_set_long_ago_and_not_due_this_week_is_not_on_the_card(client, school):
    module = first_module()
    assert module.family is not None
    month_ago = timezone.now() - datetime.timedelta(days=30)
    Assignment.objects.filter(classroom=school.classroom).update(assigned_at=month_ago, due_on=None)
    page = signed_in(client, school.parent).get("/family/").content.decode()
    assert f"Nothing is set for {school.student.first_name} this week." in page
    assert escape(module.family.question) not in page
    later = timezone.localdate() + datetime.timedelta(days=20)
    Assignment.objects.filter(classroom=school.classroom).update(due_on=later)
    assert "Nothing is set" in signed_in(client, school.parent).get("/family/").content.decode()
    Assignment.objects.filter(classroom=school.classroom).update(due_on=timezone.localdate() + datetime.timedelta(7))
    assert escape(module.family.question) in signed_in(client, school.parent).get("/family/").content.decode()


def test_the_digest_goes_through_smtp_once_a_week_with_the_card_and_a_one_click_unsubscribe(client, school, smtp_inbox):
    module = first_module()
    assert module.family is not None
    subscribe(client, school.parent)
    assert "Stop the weekly email" in client.get("/family/").content.decode()
    send()
    [message] = smtp_inbox.to(school.parent.email)
    assert message["Subject"] == digest.SUBJECT
    body = smtp_inbox.body(message)
    assert school.student.first_name in body
    assert module.title in body
    assert all(thing in body for thing in module.family.learn)
    assert module.family.question in body
    assert f"{SITE}/guides/{module.family.guide_id}/" in body
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    assert module.family.question in str(html.get_content())
    unsubscribe = smtp_inbox.link(message, "/family/unsubscribe/")
    assert str(message["List-Unsubscribe"]).strip() == f"<{SITE}{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert FamilyDigest.objects.get(parent=school.parent).last_week == digest.week_of(timezone.localdate())

    send()  # a replay the same week (cron twice, a retry) sends nothing more
    send()
    assert len(smtp_inbox.to(school.parent.email)) == 1

    next_week = digest.week_of(timezone.localdate()) + datetime.timedelta(days=7)
    digest.send_week(site=SITE, today=next_week)
    assert len(smtp_inbox.to(school.parent.email)) == 2


def test_the_digest_holds_only_what_a_child_shares(client, school, smtp_inbox):
    """A classmate who linked no one, and a child who stopped sharing, are nowhere in any email."""
    classmate = User.objects.get(username=list(school.logins)[1])
    second_parent = account_services.parent_signup(email="second@example.org", name="Robin", password=PASSWORD)
    code = family_services.family_code_create(student=classmate)
    link = family_services.family_link_create(parent=second_parent, code=code.code)
    subscribe(client, school.parent)
    subscribe(client, second_parent)
    family_services.family_link_revoke(link=link)  # the classmate stopped sharing

    send()
    [message] = smtp_inbox.to(school.parent.email)
    body = smtp_inbox.body(message) + str(message.get_body(preferencelist=("html",)))
    assert school.student.first_name in body
    for private in (classmate.first_name, classmate.username, school.student.username, school.classroom.name):
        assert private not in body
    assert smtp_inbox.to(second_parent.email) == []  # no shared child: no email at all
    assert "%" not in smtp_inbox.body(message)  # no score either: the card is what is set, not how it went


def test_unsubscribe_needs_no_sign_in_asks_on_get_and_stops_on_post(school, smtp_inbox):
    subscribe(Client(), school.parent)
    send()
    [message] = smtp_inbox.to(school.parent.email)
    path = smtp_inbox.link(message, "/family/unsubscribe/")
    visitor = Client(enforce_csrf_checks=True)  # not signed in, no CSRF cookie: like a mail program
    page = visitor.get(path)
    assert page.status_code == 200
    assert "Stop the weekly email" in page.content.decode()
    assert FamilyDigest.objects.filter(parent=school.parent).exists()  # a GET (a link scanner) changes nothing
    done = visitor.post(path, {"List-Unsubscribe": "One-Click"})  # RFC 8058's one-click POST
    assert done.status_code == 200
    assert "no more weekly emails" in done.content.decode()
    assert not FamilyDigest.objects.filter(parent=school.parent).exists()
    assert visitor.post(path).status_code == 200  # followed twice: still fine
    Assignment.objects.filter(classroom=school.classroom).update(assigned_at=timezone.now())
    digest.send_week(site=SITE, today=timezone.localdate() + datetime.timedelta(days=7))
    assert len(smtp_inbox.to(school.parent.email)) == 1


def test_a_tampered_or_foreign_unsubscribe_link_is_refused(client, school):
    subscribe(client, school.parent)
    token = digest.unsubscribe_token(school.parent)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other_salt = signing.dumps([school.parent.pk, "0"], compress=True)  # signed by the site, for something else
    visitor = Client()
    for bad in (tampered, other_salt, "not-a-token"):
        response = visitor.post(f"/family/unsubscribe/{bad}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert FamilyDigest.objects.filter(parent=school.parent).exists()


def test_a_link_for_a_deleted_account_unsubscribes_no_one_else(school):
    token = digest.unsubscribe_token(school.parent)
    family_services.family_digest_subscribe(parent=school.parent)
    User.objects.filter(pk=school.parent.pk).update(date_joined=timezone.now() - datetime.timedelta(days=1))
    assert digest.parent_for_token(token) is None
    assert Client().post(f"/family/unsubscribe/{token}/").status_code == 200
    assert FamilyDigest.objects.filter(parent=school.parent).exists()


def test_only_a_parent_may_ask_for_the_digest(client, school):
    for user in (school.student, school.teacher, school.admin):
        assert signed_in(client, user).post("/family/digest/", {"digest": "on"}).status_code == 403
    client.logout()
    response = client.post("/family/digest/", {"digest": "on"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not FamilyDigest.objects.exists()
    subscribe(client, school.parent)
    assert client.post("/family/digest/", {"digest": "off"}).status_code == 302
    assert not FamilyDigest.objects.exists()


def test_a_refused_email_is_tried_again_next_run(school, settings, smtp_inbox):
    family_services.family_digest_subscribe(parent=school.parent)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there
    with pytest.raises(CommandError, match="1 family digest"):
        send()
    assert FamilyDigest.objects.get(parent=school.parent).last_week is None
    settings.EMAIL_PORT = port
    send()
    assert len(smtp_inbox.to(school.parent.email)) == 1


def test_the_command_needs_the_site_address(school):
    with pytest.raises(CommandError, match="--site"):
        call_command("send_family_digest", "--site", "pause.example.org")


def signup(client, **fields):
    data = {"name": "Jo", "email": "jo@family.example", "password": PASSWORD, **fields}
    return client.post("/accounts/signup/parent/", data)


def test_a_family_code_typed_at_sign_up_links_the_new_parent(client, school):
    child = User.objects.get(username=list(school.logins)[1])
    code = family_services.family_code_create(student=child).code
    response = signup(client, family_code=code.lower())
    assert response.status_code == 302
    parent = User.objects.get(email="jo@family.example")
    assert FamilyLink.objects.filter(parent=parent, student=child).exists()
    assert not FamilyCode.objects.filter(code=code).exists()  # used once, like on /family/


def test_a_wrong_family_code_at_sign_up_keeps_everything_and_makes_no_account(client, school):
    response = signup(client, family_code="WRONG-CODE")
    assert response.status_code == 400
    page = response.content.decode()
    assert "That family code did not work" in page
    assert 'value="Jo"' in page
    assert 'value="jo@family.example"' in page
    assert 'value="WRONG-CODE"' in page
    assert not User.objects.filter(email="jo@family.example").exists()
    assert signup(client).status_code == 302  # without a code it simply signs up
    assert User.objects.filter(email="jo@family.example").exists()


def test_sign_up_with_an_address_that_has_an_account_links_nothing(client, school):
    child = User.objects.get(username=list(school.logins)[1])
    code = family_services.family_code_create(student=child).code
    response = signup(client, email=school.parent.email, family_code=code)
    assert response.status_code == 302  # the same answer as a new address (F12)
    assert not FamilyLink.objects.filter(student=child).exists()
    assert FamilyCode.objects.filter(code=code).exists()


def test_a_card_for_each_module_set(client, school):
    second = get_course().modules[1]
    teaching_services.assignment_set(classroom=school.classroom, module_id=second.id, due_on=None, note="")
    page = signed_in(client, school.parent).get("/family/").content.decode()
    assert second.family is not None
    assert escape(second.family.question) in page
    assert urlsplit(f"{SITE}/guides/{second.family.guide_id}/").path in page
