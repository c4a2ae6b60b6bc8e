"""Signing up as a teacher or a parent, signing in, and where each role lands (accounts)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from accounts import services as account_services
from accounts.models import School, User
from core.hooks import Link, account_links
from tests.classroom_world import PASSWORD, build_school

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def school():
    return build_school("a")


def confirm_by_mail(client, mailoutbox, address):
    """Follow the confirmation link mailed to ``address``: open it, press the button."""
    [message] = [m for m in mailoutbox if m.to == [address]]
    [link] = [url for url in LINK.findall(message.body) if "/accounts/confirm/" in url]
    path = urlsplit(link).path
    assert client.get(path).status_code == 200
    return client.post(path)


def test_a_teacher_signs_up_creating_a_school_and_becomes_its_admin_once_the_email_is_confirmed(client, mailoutbox):
    response = client.post(
        "/accounts/signup/teacher/",
        {
            "name": "Ms Rivera",
            "email": "Rivera@Example.org",
            "password": "a long enough passphrase",
            "school_choice": "create",
            "school_name": "Hill School",
        },
    )
    assert response["Location"] == "/accounts/signup/check-email/"
    assert not School.objects.filter(name="Hill School").exists()  # not before the email is proven
    assert confirm_by_mail(client, mailoutbox, "rivera@example.org")["Location"] == "/accounts/login/"
    client.post("/accounts/login/", {"username": "rivera@example.org", "password": "a long enough passphrase"})
    assert client.get("/accounts/welcome/", follow=True).redirect_chain[-1][0] == "/teach/"
    user = User.objects.get(username="rivera@example.org")
    assert user.role == User.Role.SCHOOL_ADMIN
    assert user.email_verified
    assert user.staff_membership.school.name == "Hill School"
    assert user.pending_school_name == ""


def test_a_teacher_joins_a_school_with_its_code_and_a_wrong_code_is_refused(client, school, mailoutbox):
    code = school.admin.staff_membership.school.staff_code
    form = {"name": "Mr Ng", "email": "ng@example.org", "password": "a long enough passphrase"}
    bad = client.post("/accounts/signup/teacher/", {**form, "school_choice": "join", "staff_code": "AAAA-AAAA"})
    assert bad.status_code == 200
    assert "That school code is not right" in bad.content.decode()
    assert not User.objects.filter(username="ng@example.org").exists()
    good = client.post(
        "/accounts/signup/teacher/", {**form, "school_choice": "join", "staff_code": code.lower().replace("-", " ")}
    )
    assert good["Location"] == "/accounts/signup/check-email/"
    ng = User.objects.get(username="ng@example.org")
    assert ng.pending_school == school.classroom.school
    assert not hasattr(ng, "staff_membership")
    confirm_by_mail(client, mailoutbox, "ng@example.org")
    ng.refresh_from_db()
    assert ng.role == User.Role.TEACHER
    assert ng.staff_membership.school == school.classroom.school


def test_signup_never_says_an_email_is_taken_and_rerenders_a_weak_password(client, school, mailoutbox):
    taken = client.post(
        "/accounts/signup/parent/",
        {"name": "P", "email": "teacher-a@example.org", "password": "a long enough passphrase"},
    )
    assert taken["Location"] == "/accounts/signup/check-email/"
    assert "already" not in client.get(taken["Location"]).content.decode()
    weak = client.post("/accounts/signup/parent/", {"name": "P", "email": "p@example.org", "password": "password"})
    assert weak.status_code == 200
    assert "password" in weak.content.decode().lower()
    assert not User.objects.filter(username="p@example.org").exists()


def test_the_login_redirects_each_role_to_its_own_page(client, school):
    for user, home in ((school.teacher, "/teach/"), (school.parent, "/family/"), (school.admin, "/teach/")):
        client.logout()
        client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
        assert client.get("/accounts/welcome/")["Location"] == home
    client.logout()
    username, passphrase = next(iter(school.logins.items()))
    assert client.post("/accounts/login/", {"username": username, "password": passphrase}).status_code == 302
    assert client.get("/accounts/welcome/")["Location"] == "/me/"


def test_axes_locks_one_username_from_one_address_not_the_class(client, school, settings):
    settings.AXES_FAILURE_LIMIT = 3
    (victim, _), (classmate, classmate_pass) = list(school.logins.items())[:2]
    victim_pass = school.logins[victim]
    for _ in range(3):
        client.post("/accounts/login/", {"username": victim, "password": "wrong words here"})
    locked = client.post("/accounts/login/", {"username": victim, "password": victim_pass})
    assert locked.status_code == 429
    assert "Too many tries" in locked.content.decode()
    assert client.post("/accounts/login/", {"username": classmate, "password": classmate_pass}).status_code == 302
    client.logout()
    elsewhere = client.post("/accounts/login/", {"username": victim, "password": victim_pass}, REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 302


def test_an_over_long_school_name_or_email_is_refused_by_the_service():
    with pytest.raises(ValidationError) as refused:
        account_services.staff_signup(
            email="long@example.org", name="Ms Long", password=PASSWORD, school_name="S" * 121
        )
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError):
        account_services.parent_signup(email="p" * 140 + "@example.org", name="P", password=PASSWORD)
    assert not User.objects.exists()
    assert not School.objects.exists()


def test_each_role_has_its_own_page_in_the_account_menu(rf, school):
    """classrooms fills core's account_links hook: one link per role, none for a visitor.

    quizzes adds "My progress" for students and visitors (a visitor's progress lives in their session),
    not for grown-ups, whose own page leads to their students' or child's progress (review D27).
    """
    progress = Link("My progress", "/progress/")
    account = Link("Your account", "/accounts/settings/")  # grown-ups only: accounts' own provider
    expected = {
        school.student: [progress, Link("My classes", "/me/")],
        school.teacher: [account, Link("Teach", "/teach/")],
        school.admin: [account, Link("Teach", "/teach/")],
        school.parent: [account, Link("My family", "/family/")],
        AnonymousUser(): [progress],
    }
    for user, links in expected.items():
        request = rf.get("/")
        request.user = user
        assert account_links(request) == links, user
