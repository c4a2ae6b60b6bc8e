"""The copy-edit pass of the UX review (D27): words that served one kind of reader, or read badly."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from classrooms.services import teaching as teaching_services
from courses.registry import get_course
from tests.classroom_world import build_school, signed_in

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.fixture
def school():
    return build_school("a")


def title_of(response) -> str:
    match = TITLE.search(response.content.decode())
    assert match, "no <title>"
    return match.group(1).strip()


def test_the_sign_in_form_names_the_passphrase_and_a_wrong_pair_gets_a_plain_message(client, school):
    page = client.get("/accounts/login/").content.decode()
    assert "Password or passphrase" in page
    response = client.post("/accounts/login/", {"username": school.teacher.username, "password": "not it at all"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "We couldn’t sign you in with those details." in text
    assert "case-sensitive" not in text
    assert "Please enter a correct" not in text


def test_a_student_signs_in_with_the_passphrase_from_their_card(client, school):
    username, passphrase = next(iter(school.logins.items()))
    response = client.post("/accounts/login/", {"username": username, "password": passphrase})
    assert response.status_code == 302


def test_the_join_form_says_plainly_where_the_code_comes_from(client):
    page = client.get("/join/").content.decode()
    assert "Your teacher gives you this code." in page
    assert "tell you it" not in page


@pytest.mark.parametrize(
    "path",
    ["/", "/modules/", "/help/", "/help/private/", "/guides/", "/law/", "/accounts/login/", "/join/", "/nowhere/"],
)
def test_no_page_title_says_pause_twice(client, path):
    title = title_of(client.get(path))
    assert title.count("Pause") == 1, title


def test_the_home_page_title_leads_with_the_name():
    assert title_of(Client().get("/")) == "Pause: consent, images and what to do"


def test_every_guide_summary_reads_as_a_sentence():
    """Guide summaries are written into "What the … module teaches": no capital after "What the"."""
    for guide in get_course().guides:
        assert not re.search(r"\bWhat The\b", guide.summary), guide.id


def test_a_teacher_sees_only_their_own_classes_without_an_other_classes_heading(school):
    page = signed_in(Client(), school.teacher).get("/teach/").content.decode()
    assert "Class a" in page
    assert "Other classes in your school" not in page


def test_a_school_admin_sees_their_own_classes_apart_from_the_schools_other_classes(school):
    teaching_services.classroom_create(teacher=school.admin, name="Admin’s own class")
    page = signed_in(Client(), school.admin).get("/teach/").content.decode()
    own = page.index('id="own-classes"')
    others = page.index('id="school-classes"')
    assert own < page.index("Admin’s own class") < others  # their own class, under "Your classes"
    assert page.index("Class a") > others  # the other teacher's class, under "Other classes in your school"
    assert "Other classes in your school</h2>" in page


def test_my_progress_is_in_the_menu_for_students_and_visitors_only(school):
    progress = 'href="/progress/"'
    assert progress in Client().get("/modules/").content.decode()
    assert progress in signed_in(Client(), school.student).get("/modules/").content.decode()
    for grown_up in (school.teacher, school.admin, school.parent):
        page = signed_in(Client(), grown_up).get("/modules/").content.decode()
        assert progress not in page, grown_up.role
        assert "My progress" not in page, grown_up.role


def test_the_teach_page_links_to_the_index_of_teacher_notes(school):
    page = signed_in(Client(), school.teacher).get("/teach/").content.decode()
    assert '<a href="/teach/notes/">teacher notes</a>' in page


def test_the_teacher_notes_index_lists_every_module_with_ages_lessons_and_a_link(school):
    response = signed_in(Client(), school.teacher).get("/teach/notes/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Teacher notes</h1>" in page
    for module in get_course().modules:
        assert f'href="/modules/{module.id}/teacher-notes/"' in page
        lessons = len(module.lessons)
        assert f"Ages {module.age_min}+ · {lessons} lesson{'s' if lessons != 1 else ''}" in page


def test_a_school_admin_may_open_the_teacher_notes_index(school):
    assert signed_in(Client(), school.admin).get("/teach/notes/").status_code == 200


def test_the_teacher_notes_index_is_refused_to_students_and_parents(school):
    for person in (school.student, school.parent):
        assert signed_in(Client(), person).get("/teach/notes/").status_code == 403, person.role


def test_a_visitor_is_sent_to_sign_in_for_the_teacher_notes_index():
    response = Client().get("/teach/notes/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/teach/notes/"


def test_deleting_a_class_counts_its_student_accounts_in_plain_words(school):
    teacher = signed_in(Client(), school.teacher)
    response = teacher.post(f"/teach/classes/{school.classroom.pk}/delete/", {"confirm": "on"}, follow=True)
    assert "“Class a” is deleted, with the 3 student accounts that were only in it." in response.content.decode()
    empty = teaching_services.classroom_create(teacher=school.teacher, name="Empty")
    response = teacher.post(f"/teach/classes/{empty.pk}/delete/", {"confirm": "on"}, follow=True)
    assert "“Empty” is deleted." in response.content.decode()
    assert "account(s)" not in response.content.decode()


def test_the_staying_private_page_does_not_promise_every_title_ends_in_pause(client):
    page = client.get("/help/private/").content.decode()
    assert "Every tab title includes the name “Pause”." in page
