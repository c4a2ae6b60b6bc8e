"""Families: family codes, what a parent sees (never answers), and who a student is told can see them."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from accounts import services as account_services
from accounts.errors import Refused
from accounts.models import User
from classrooms.models import FamilyCode, FamilyLink
from classrooms.selectors import families as family_selectors
from classrooms.services import families as family_services
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from quizzes.demo import take_quiz
from tests.classroom_world import PASSWORD, build_school, module_with_quiz, quiz_of, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return build_school("a")


def test_a_family_code_links_once_and_the_student_can_revoke(client, school):
    student = User.objects.get(username=list(school.logins)[1])
    signed_in(client, student)
    client.post("/me/family-code/")
    code = FamilyCode.objects.get(student=student).code
    assert code in client.get("/me/").content.decode()
    parent = account_services.parent_signup(email="p2@example.org", name="Pat", password=PASSWORD)
    other_parent = account_services.parent_signup(email="p3@example.org", name="Quinn", password=PASSWORD)
    signed_in(client, parent)
    assert client.post("/family/", {"code": code.lower()}).status_code == 302
    family = client.get("/family/").content.decode()
    assert student.first_name in family
    assert "Best quiz score" in family
    signed_in(client, other_parent)
    reused = client.post("/family/", {"code": code})
    assert reused.status_code == 400
    assert "did not work" in reused.content.decode()
    signed_in(client, student)
    me = client.get("/me/").content.decode()
    assert "Pat" in me
    assert "Stop sharing with Pat" in me
    link = FamilyLink.objects.get(parent=parent, student=student)
    client.post(f"/me/family/{link.pk}/revoke/")
    signed_in(client, parent)
    assert student.first_name not in client.get("/family/").content.decode()


def test_an_expired_family_code_does_not_link(client, school):
    code = family_services.family_code_create(student=school.student)
    FamilyCode.objects.filter(pk=code.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    parent = account_services.parent_signup(email="late@example.org", name="Late", password=PASSWORD)
    with pytest.raises(Refused):
        family_services.family_link_create(parent=parent, code=code.code)


def test_the_parent_page_shows_scores_never_answers(client, school):
    quiz = quiz_of(module_with_quiz().id)
    take_quiz(user=school.student, quiz=quiz)
    signed_in(client, school.parent)
    html = client.get("/family/").content.decode()
    assert "100%" in html
    first_item = quiz.items[0]
    texts = [o.text for o in getattr(first_item, "options", ())]
    assert not any(text in html for text in texts if len(text) > 12)


def test_a_student_is_told_who_can_see_their_progress(client, school):
    signed_in(client, school.student)
    html = client.get("/me/").content.decode()
    assert school.teacher.first_name in html
    assert school.classroom.name in html
    assert school.parent.first_name in html


def test_a_parent_deletes_their_account_and_the_child_keeps_theirs(client, school):
    signed_in(client, school.parent)
    client.post("/family/delete/", {"confirm": "on"})
    assert not User.objects.filter(pk=school.parent.pk).exists()
    assert User.objects.filter(pk=school.student.pk).exists()
    assert not FamilyLink.objects.filter(student=school.student).exists()


@pytest.mark.parametrize("children", [1, 5])
def test_the_parent_page_reads_the_same_few_queries_for_one_child_or_five(school, children, django_assert_num_queries):
    """Links, lessons done, quiz standings and assignments: four queries, however many children."""
    module = module_with_quiz()
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    logins = student_services.roster_create(classroom=school.classroom, names=[f"Child{n}" for n in range(children)])
    parent = account_services.parent_signup(email="many@example.org", name="Many", password=PASSWORD)
    for issued in logins:
        child = User.objects.get(username=issued.username)
        family_services.family_link_create(parent=parent, code=family_services.family_code_create(student=child).code)
        take_quiz(user=child, quiz=quiz_of(module.id))
    with django_assert_num_queries(4):
        summaries = family_selectors.family_children(parent=parent)
    assert len(summaries) == children
    assigned = school.classroom.assignments.count()
    assert all(len(child.assignments) == assigned for child in summaries)
    assert all(line.quiz_percent == 100 for child in summaries for line in child.modules if line.module == module)
