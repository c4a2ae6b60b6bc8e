"""Classrooms through Django's test client: joining, teaching, families, data rights and retention."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import services as account_services
from accounts.errors import Refused
from classrooms.models import Assignment, Classroom, Enrolment, FamilyCode, FamilyLink
from classrooms.services import families as family_services
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from courses.models import LessonProgress
from courses.registry import get_course
from quizzes.demo import take_quiz
from quizzes.models import QuizAttempt, QuizResponse
from quizzes.registry import get_quiz
from tests.classroom_world import PASSWORD, build_school

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # rate limits and axes counters must not leak between tests
    yield
    cache.clear()


@pytest.fixture
def school():
    return build_school("a")


def signed_in(client, user):
    client.force_login(user)
    return client


def module_with_quiz(index=0):
    modules = [m for m in get_course().modules if get_quiz(m.id) is not None]
    return modules[index]


# --- signing up and joining ------------------------------------------------------------------


def test_a_teacher_signs_up_creating_a_school_and_becomes_its_admin(client):
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
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0] == "/teach/"
    user = User.objects.get(username="rivera@example.org")
    assert user.role == "school_admin"
    assert user.staff_membership.school.name == "Hill School"


def test_a_teacher_joins_a_school_with_its_code_and_a_wrong_code_is_refused(client, school):
    code = school.admin.staff_membership.school.staff_code
    form = {"name": "Mr Ng", "email": "ng@example.org", "password": "a long enough passphrase"}
    bad = client.post("/accounts/signup/teacher/", {**form, "school_choice": "join", "staff_code": "AAAA-AAAA"})
    assert bad.status_code == 200 and "That school code is not right" in bad.content.decode()
    assert not User.objects.filter(username="ng@example.org").exists()
    good = client.post(
        "/accounts/signup/teacher/", {**form, "school_choice": "join", "staff_code": code.lower().replace("-", " ")}
    )
    assert good.status_code == 302
    ng = User.objects.get(username="ng@example.org")
    assert ng.role == "teacher" and ng.staff_membership.school == school.classroom.school


def test_signup_rerenders_with_errors_for_a_taken_email_or_a_weak_password(client, school):
    taken = client.post(
        "/accounts/signup/parent/",
        {"name": "P", "email": "teacher-a@example.org", "password": "a long enough passphrase"},
    )
    assert "already exists" in taken.content.decode()
    weak = client.post("/accounts/signup/parent/", {"name": "P", "email": "p@example.org", "password": "password"})
    assert weak.status_code == 200 and "password" in weak.content.decode().lower()
    assert not User.objects.filter(username="p@example.org").exists()


def test_a_student_joins_with_the_code_and_sees_their_login_once(client, school):
    code = school.classroom.join_code
    response = client.post("/join/", {"code": code.lower(), "nickname": "  Maya  "})
    assert response.status_code == 302 and response["Location"] == "/join/welcome/"
    welcome = client.get("/join/welcome/").content.decode()
    student = User.objects.get(first_name="Maya")
    assert student.role == "student" and student.email == "" and student.last_name == ""
    assert student.username in welcome
    passphrase = re.search(r"Passphrase</dt><dd[^>]*>([a-z ]+)</dd>", welcome).group(1)
    assert student.password.startswith("pause_student_pbkdf2$")
    assert client.get("/join/welcome/")["Location"] == "/me/"  # shown once
    client.logout()
    assert client.post("/accounts/login/", {"username": student.username, "password": passphrase}).status_code == 302
    assert Enrolment.objects.filter(student=student, classroom=school.classroom).exists()


def test_a_wrong_join_code_is_refused_and_too_many_are_rate_limited(client, school, settings):
    settings.JOIN_RATE_LIMIT = 3
    for _ in range(3):
        response = client.post("/join/", {"code": "QQQQ-QQQQ", "nickname": "Sam"})
        assert response.status_code == 200 and "did not work" in response.content.decode()
    limited = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"})
    assert limited.status_code == 429
    assert not User.objects.filter(first_name="Sam").exists()
    # Another network is not affected.
    other = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_an_archived_class_cannot_be_joined(client, school):
    teaching_services.classroom_set_archived(classroom=school.classroom, archived=True)
    response = client.post("/join/", {"code": school.classroom.join_code, "nickname": "Sam"})
    assert "did not work" in response.content.decode()


def test_progress_made_as_a_visitor_is_kept_when_joining(client, school):
    module = get_course().modules[0]
    lesson = module.lessons[0]
    client.post(f"/modules/{module.id}/{lesson.id}/done/")
    quiz = get_quiz(module.id)
    client.post(f"/modules/{module.id}/quiz/start/")
    client.post("/join/", {"code": school.classroom.join_code, "nickname": "Visitor"})
    student = User.objects.get(first_name="Visitor")
    assert LessonProgress.objects.filter(user=student, lesson_id=lesson.id).exists()
    if quiz is not None:
        assert QuizAttempt.objects.filter(user=student, module_id=module.id).exists()


def test_the_login_redirects_each_role_to_its_own_page(client, school):
    for user, home in ((school.teacher, "/teach/"), (school.parent, "/family/"), (school.admin, "/teach/")):
        client.logout()
        client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
        assert client.get("/accounts/welcome/")["Location"] == home
    client.logout()
    username, passphrase = next(iter(school.logins.items()))
    assert client.post("/accounts/login/", {"username": username, "password": passphrase}).status_code == 302
    assert client.get("/accounts/welcome/")["Location"] == "/me/"


# --- brute force -----------------------------------------------------------------------------


def test_axes_locks_one_username_from_one_address_not_the_class(client, school, settings):
    settings.AXES_FAILURE_LIMIT = 3
    (victim, _), (classmate, classmate_pass) = list(school.logins.items())[:2]
    victim_pass = school.logins[victim]
    for _ in range(3):
        client.post("/accounts/login/", {"username": victim, "password": "wrong words here"})
    locked = client.post("/accounts/login/", {"username": victim, "password": victim_pass})
    assert locked.status_code == 429 and "Too many tries" in locked.content.decode()
    assert client.post("/accounts/login/", {"username": classmate, "password": classmate_pass}).status_code == 302
    client.logout()
    elsewhere = client.post("/accounts/login/", {"username": victim, "password": victim_pass}, REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 302


# --- roster, cards and passphrases ----------------------------------------------------------


def test_a_roster_makes_students_and_shows_their_cards_once(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/"
    response = client.post(url + "roster/", {"names": "Ada\n\n  Ben  \nCai"})
    assert response["Location"] == url + "cards/"
    cards = client.get(url + "cards/").content.decode()
    for name in ("Ada", "Ben", "Cai"):
        assert name in cards
    assert cards.count("Passphrase:") == 3
    assert "Passphrase:" not in client.get(url + "cards/").content.decode()


def test_a_roster_with_too_many_names_rerenders_with_an_error(client, school):
    signed_in(client, school.teacher)
    names = "\n".join(f"N{i}" for i in range(61))
    response = client.post(f"/teach/classes/{school.classroom.pk}/roster/", {"names": names})
    assert response.status_code == 200 and "up to 60" in response.content.decode()


def test_a_teacher_resets_a_passphrase_and_only_the_new_one_works(client, school):
    username, old = next(iter(school.logins.items()))
    student = User.objects.get(username=username)
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/"
    client.post(base + f"students/{student.pk}/passphrase/")
    card = client.get(base + "cards/").content.decode()
    new = re.search(r'Passphrase: <span class="value">([a-z ]+)</span>', card).group(1)
    assert new != old
    student.refresh_from_db()
    assert student.check_password(new) and not student.check_password(old)


# --- assignments and the class page ---------------------------------------------------------


def test_assigning_twice_updates_and_a_bad_module_rerenders(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/assign/"
    module = get_course().modules[1]
    client.post(url, {"module_id": module.id, "due_on": "2030-01-31", "note": "First"})
    client.post(url, {"module_id": module.id, "due_on": "", "note": "Changed"})
    assignment = Assignment.objects.get(classroom=school.classroom, module_id=module.id)
    assert assignment.note == "Changed" and assignment.due_on is None
    bad = client.post(url, {"module_id": "no-such-module", "due_on": "soon"})
    assert bad.status_code == 400
    assert "Select a valid choice" in bad.content.decode()


def test_the_matrix_shows_status_score_and_overdue(client, school):
    module = module_with_quiz()
    teaching_services.assignment_set(
        classroom=school.classroom,
        module_id=module.id,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
        note="",
    )
    done, started, idle = [User.objects.get(username=u) for u in school.logins]
    for lesson in module.lessons:
        LessonProgress.objects.create(user=done, module_id=module.id, lesson_id=lesson.id, content_hash="x")
    take_quiz(user=done, quiz=get_quiz(module.id))
    LessonProgress.objects.create(user=started, module_id=module.id, lesson_id=module.lessons[0].id, content_hash="x")
    signed_in(client, school.teacher)
    html = client.get(f"/teach/classes/{school.classroom.pk}/?sort=-progress").content.decode()
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", html, re.S)
    assert done.first_name in rows[0] and "Done" in rows[0] and "quiz 100%" in rows[0]
    assert "Overdue" not in rows[0]
    assert started.first_name in rows[1] and "In progress" in rows[1] and "Overdue" in rows[1]
    assert idle.first_name in rows[2] and "Not started" in rows[2]


def test_the_class_page_makes_the_same_number_of_queries_for_30_and_300_students(
    client, school, django_assert_num_queries
):
    signed_in(client, school.teacher)
    module = module_with_quiz()
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    url = f"/teach/classes/{school.classroom.pk}/"

    def grow_to(n):
        have = Enrolment.objects.filter(classroom=school.classroom).count()
        student_services.roster_create(classroom=school.classroom, names=[f"S{i}" for i in range(have, n)])
        for student in User.objects.filter(enrolments__classroom=school.classroom)[:n:7]:
            LessonProgress.objects.get_or_create(
                user=student, module_id=module.id, lesson_id=module.lessons[0].id, defaults={"content_hash": "x"}
            )

    grow_to(30)
    client.get(url)  # warm the session and the course
    with CaptureQueriesContext(connection) as thirty:
        assert client.get(url).status_code == 200
    grow_to(300)
    with django_assert_num_queries(len(thirty.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('<th scope="row"><a href') == 300


def test_question_results_are_hidden_below_five_answers(client, school):
    module = module_with_quiz()
    quiz = get_quiz(module.id)
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    more = student_services.roster_create(classroom=school.classroom, names=["D", "E"])
    students = list(User.objects.filter(enrolments__classroom=school.classroom))
    assert len(students) == 5
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/quiz/{module.id}/"
    for student in students[:4]:
        take_quiz(user=student, quiz=quiz)
    page = client.get(url).content.decode()
    assert "count-bar" not in page and "Fewer than 5 answers" in page
    take_quiz(user=students[4], quiz=quiz, slip_every=1)
    page = client.get(url).content.decode()
    assert "count-bar" in page and "5 answers" in page
    assert "4 (80%)" in page and "1 (20%)" in page
    assert more  # roster made real accounts


def test_the_quiz_report_refuses_a_module_not_assigned(client, school):
    signed_in(client, school.teacher)
    unassigned = [m for m in get_course().modules if m.id != get_course().modules[0].id][0]
    assert client.get(f"/teach/classes/{school.classroom.pk}/quiz/{unassigned.id}/").status_code == 404


def test_csv_export_has_a_row_per_student_and_defuses_formulas(client, school):
    student_services.roster_create(classroom=school.classroom, names=["=HYPERLINK(1)"])
    signed_in(client, school.teacher)
    response = client.get(f"/teach/classes/{school.classroom.pk}/progress.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    module_id = get_course().modules[0].id
    assert rows[0][:3] == ["nickname", "username", f"{module_id} status"]
    assert len(rows) == 1 + 4
    assert [row[0] for row in rows if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]


# --- archive, delete, retention -------------------------------------------------------------


def test_an_archived_class_is_read_only_and_can_be_restored(client, school):
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/"
    client.post(base + "archive/", {"archive": "1"})
    response = client.post(base + "assign/", {"module_id": get_course().modules[2].id}, follow=True)
    assert "archived" in response.content.decode()
    assert not Assignment.objects.filter(module_id=get_course().modules[2].id).exists()
    client.post(base + "archive/", {"archive": "0"})
    school.classroom.refresh_from_db()
    assert school.classroom.archived_at is None


def test_deleting_a_class_deletes_students_in_no_other_class(client, school):
    other = teaching_services.classroom_create(teacher=school.teacher, name="Other")
    shared = User.objects.get(username=list(school.logins)[1])
    Enrolment.objects.create(classroom=other, student=shared)
    only_here = User.objects.get(username=list(school.logins)[2])
    take_quiz(user=only_here, quiz=get_quiz(module_with_quiz().id))
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/delete/"
    assert client.post(url, {}).status_code == 400  # not confirmed: nothing goes
    assert Classroom.objects.filter(pk=school.classroom.pk).exists()
    assert client.post(url, {"confirm": "on"})["Location"] == "/teach/"
    assert not Classroom.objects.filter(pk=school.classroom.pk).exists()
    assert not User.objects.filter(pk=only_here.pk).exists()
    assert not QuizAttempt.objects.filter(user_id=only_here.pk).exists()
    assert User.objects.filter(pk=shared.pk).exists()
    assert not Enrolment.objects.filter(student=shared, classroom_id=school.classroom.pk).exists()


def test_purge_expired_deletes_only_classes_archived_past_retention(school, settings):
    settings.RETENTION_DAYS = 30
    keep = teaching_services.classroom_create(teacher=school.teacher, name="Recent")
    student_services.roster_create(classroom=keep, names=["Stays"])
    Classroom.objects.filter(pk=school.classroom.pk).update(archived_at=timezone.now() - datetime.timedelta(days=31))
    Classroom.objects.filter(pk=keep.pk).update(archived_at=timezone.now() - datetime.timedelta(days=29))
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "Deleted 1 class(es)" in out.getvalue() and "3 student account(s)" in out.getvalue(), out.getvalue()
    assert not Classroom.objects.filter(pk=school.classroom.pk).exists()
    assert Classroom.objects.filter(pk=keep.pk).exists()
    assert User.objects.filter(first_name="Stays").exists()


# --- data rights ----------------------------------------------------------------------------


def test_a_student_downloads_their_data_and_nobody_elses(client, school):
    me, classmate = [User.objects.get(username=u) for u in list(school.logins)[:2]]
    quiz = get_quiz(module_with_quiz().id)
    take_quiz(user=me, quiz=quiz)
    take_quiz(user=classmate, quiz=quiz)
    signed_in(client, me)
    data = json.loads(client.get("/me/data.json").content)
    assert data["account"]["username"] == me.username
    assert len(data["quiz_attempts"]) == 1
    assert data["family_links"][0]["parent"] == school.parent.first_name
    assert classmate.username not in json.dumps(data)


def test_a_teacher_exports_and_deletes_a_student(client, school):
    student = school.student
    take_quiz(user=student, quiz=get_quiz(module_with_quiz().id))
    signed_in(client, school.teacher)
    base = f"/teach/classes/{school.classroom.pk}/students/{student.pk}/"
    assert json.loads(client.get(base + "data.json").content)["account"]["username"] == student.username
    client.post(base + "delete/", {"confirm": "on"})
    assert not User.objects.filter(pk=student.pk).exists()
    for model in (QuizAttempt, LessonProgress):
        assert not model.objects.filter(user_id=student.pk).exists()
    assert not QuizResponse.objects.filter(attempt__user_id=student.pk).exists()
    assert not FamilyLink.objects.filter(student_id=student.pk).exists()


def test_a_student_deletes_their_own_account(client, school):
    signed_in(client, school.student)
    client.post("/me/delete/", {"confirm": "on"})
    assert not User.objects.filter(pk=school.student.pk).exists()
    assert client.get("/me/")["Location"].startswith("/accounts/login/")


# --- families -------------------------------------------------------------------------------


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
    assert student.first_name in family and "Best quiz score" in family
    signed_in(client, other_parent)
    reused = client.post("/family/", {"code": code})
    assert reused.status_code == 400 and "did not work" in reused.content.decode()
    signed_in(client, student)
    me = client.get("/me/").content.decode()
    assert "Pat" in me and "Stop sharing with Pat" in me
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
    quiz = get_quiz(module_with_quiz().id)
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
    assert school.teacher.first_name in html and school.classroom.name in html
    assert school.parent.first_name in html


# --- demo data ------------------------------------------------------------------------------


def test_seed_demo_is_idempotent_and_refuses_in_production(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet=True)
    counts = (User.objects.count(), Classroom.objects.count(), QuizAttempt.objects.count())
    call_command("seed_demo", quiet=True)
    assert (User.objects.count(), Classroom.objects.count(), QuizAttempt.objects.count()) == counts
    for username in ("demo-teacher", "demo-teacher-2", "demo-student-1", "demo-parent", "demo-parent-2"):
        assert User.objects.get(username=username).check_password("demo-pass-123")
    assert FamilyLink.objects.filter(parent__username="demo-parent", student__username="demo-student-1").exists()
    assert FamilyLink.objects.filter(parent__username="demo-parent-2", student__username="demo-student-2").exists()
    settings.DEBUG = False
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", quiet=True)
    call_command("seed_demo", quiet=True, force=True)


def test_texts_people_type_are_shown_escaped(client, school):
    student_services.roster_create(classroom=school.classroom, names=['<script>alert("x")</script>'])
    teaching_services.assignment_set(
        classroom=school.classroom,
        module_id=get_course().modules[0].id,
        due_on=None,
        note="<img src=x onerror=alert(1)>",
    )
    signed_in(client, school.teacher)
    html = client.get(f"/teach/classes/{school.classroom.pk}/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_purge_expired_also_clears_codes_visitors_and_idle_classless_students(client, school, settings):
    settings.RETENTION_DAYS = 30
    stale = family_services.family_code_create(student=school.student)
    FamilyCode.objects.filter(pk=stale.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    module = module_with_quiz()
    client.post(f"/modules/{module.id}/quiz/start/")  # a visitor's attempt
    QuizAttempt.objects.filter(user__isnull=True).update(started_at=timezone.now() - datetime.timedelta(days=2))
    gone = User.objects.get(username=list(school.logins)[1])
    Enrolment.objects.filter(student=gone).delete()
    User.objects.filter(pk=gone.pk).update(last_login=timezone.now() - datetime.timedelta(days=31))
    recent = User.objects.get(username=list(school.logins)[2])
    Enrolment.objects.filter(student=recent).delete()
    User.objects.filter(pk=recent.pk).update(last_login=timezone.now() - datetime.timedelta(days=3))
    call_command("purge_expired", stdout=io.StringIO())
    assert not FamilyCode.objects.exists()
    assert not QuizAttempt.objects.filter(user__isnull=True).exists()
    assert not User.objects.filter(pk=gone.pk).exists()
    assert User.objects.filter(pk=recent.pk).exists()
    assert User.objects.filter(pk=school.student.pk).exists()


def test_a_teacher_cannot_delete_a_student_who_is_also_in_another_teachers_class(client, school):
    colleague = account_services.staff_signup(
        email="c@example.org",
        name="Colleague",
        password=PASSWORD,
        staff_code=school.admin.staff_membership.school.staff_code,
    )
    theirs = teaching_services.classroom_create(teacher=colleague, name="Theirs")
    Enrolment.objects.create(classroom=theirs, student=school.student)
    url = f"/teach/classes/{school.classroom.pk}/students/{school.student.pk}/delete/"
    signed_in(client, school.teacher)
    refused = client.post(url, {"confirm": "on"})
    assert refused.status_code == 302 and User.objects.filter(pk=school.student.pk).exists()
    signed_in(client, school.admin)
    client.post(url, {"confirm": "on"})
    assert not User.objects.filter(pk=school.student.pk).exists()


def test_a_parent_deletes_their_account_and_the_child_keeps_theirs(client, school):
    signed_in(client, school.parent)
    client.post("/family/delete/", {"confirm": "on"})
    assert not User.objects.filter(pk=school.parent.pk).exists()
    assert User.objects.filter(pk=school.student.pk).exists()
    assert not FamilyLink.objects.filter(student=school.student).exists()


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(client, school, settings):
    settings.JOIN_RATE_LIMIT = 2
    settings.PAUSE_TRUSTED_PROXIES = 1
    for _ in range(2):
        client.post(
            "/join/", {"code": "QQQQ-QQQQ", "nickname": "S"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6"
        )
    # Same proxy, another client: not limited. A spoofed left-hand entry changes nothing.
    ok = client.post(
        "/join/",
        {"code": school.classroom.join_code, "nickname": "T"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 7.7.7.7",
    )
    assert ok.status_code == 302
    limited = client.post(
        "/join/",
        {"code": school.classroom.join_code, "nickname": "U"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6",
    )
    assert limited.status_code == 429


def test_a_teacher_renames_a_student_and_a_blank_name_is_refused(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/students/{school.student.pk}/rename/"
    client.post(url, {"nickname": "  Mia  "})
    school.student.refresh_from_db()
    assert school.student.first_name == "Mia"
    refused = client.post(url, {"nickname": "   "}, follow=True)
    assert "Type a first name" in refused.content.decode()
    school.student.refresh_from_db()
    assert school.student.first_name == "Mia"
