"""Teaching: assignments, the class page and its matrix, quiz results, exports, archive, delete, retention."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User, max_length
from classrooms.models import Assignment, Classroom, Enrolment, FamilyCode, FamilyLink
from classrooms.services import families as family_services
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from courses.models import LessonProgress
from courses.registry import get_course
from quizzes.demo import take_quiz
from quizzes.models import QuizAttempt
from tests.classroom_world import build_school, module_with_quiz, quiz_of, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return build_school("a")


def test_assigning_twice_updates_and_a_bad_module_rerenders(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/assign/"
    module = get_course().modules[1]
    client.post(url, {"module_id": module.id, "due_on": "2030-01-31", "note": "First"})
    client.post(url, {"module_id": module.id, "due_on": "", "note": "Changed"})
    assignment = Assignment.objects.get(classroom=school.classroom, module_id=module.id)
    assert assignment.note == "Changed"
    assert assignment.due_on is None
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
    take_quiz(user=done, quiz=quiz_of(module.id))
    LessonProgress.objects.create(user=started, module_id=module.id, lesson_id=module.lessons[0].id, content_hash="x")
    signed_in(client, school.teacher)
    html = client.get(f"/teach/classes/{school.classroom.pk}/?sort=-progress").content.decode()
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", html, re.S)
    assert done.first_name in rows[0]
    assert "Done" in rows[0]
    assert "quiz 100%" in rows[0]
    assert "Overdue" not in rows[0]
    assert started.first_name in rows[1]
    assert "In progress" in rows[1]
    assert "Overdue" in rows[1]
    assert idle.first_name in rows[2]
    assert "Not started" in rows[2]


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
    quiz = quiz_of(module.id)
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    more = student_services.roster_create(classroom=school.classroom, names=["D", "E"])
    students = list(User.objects.filter(enrolments__classroom=school.classroom))
    assert len(students) == 5
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/quiz/{module.id}/"
    for student in students[:4]:
        take_quiz(user=student, quiz=quiz)
    page = client.get(url).content.decode()
    assert "count-bar" not in page
    assert "Fewer than 5 answers" in page
    take_quiz(user=students[4], quiz=quiz, slip_every=1)
    page = client.get(url).content.decode()
    assert "count-bar" in page
    assert "5 answers" in page
    assert "4 (80%)" in page
    assert "1 (20%)" in page
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
    title = get_course().modules[0].title
    assert rows[0][:3] == ["\ufeffNickname", "Username", f"{title}: status"]
    assert len(rows) == 1 + 4
    assert [row[0] for row in rows if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]


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
    take_quiz(user=only_here, quiz=quiz_of(module_with_quiz().id))
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
    assert "Deleted 1 class(es)" in out.getvalue(), out.getvalue()
    assert "3 student account(s)" in out.getvalue(), out.getvalue()
    assert not Classroom.objects.filter(pk=school.classroom.pk).exists()
    assert Classroom.objects.filter(pk=keep.pk).exists()
    assert User.objects.filter(first_name="Stays").exists()


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
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html


# --- model limits, the same on SQLite and PostgreSQL ----------------------------------------


def test_an_over_long_class_name_is_refused_by_the_service_with_a_clear_message(school):
    """SQLite would store 81 characters in a VARCHAR(80); full_clean() refuses them on every database."""
    limit = max_length(Classroom, "name")
    with pytest.raises(ValidationError) as refused:
        teaching_services.classroom_create(teacher=school.teacher, name="x" * (limit + 1))
    assert refused.value.message_dict["name"] == [
        f"Ensure this value has at most {limit} characters (it has {limit + 1})."
    ]
    assert not Classroom.objects.filter(name__startswith="xxx").exists()


def test_an_over_long_assignment_note_is_refused_by_the_service(school):
    with pytest.raises(ValidationError) as refused:
        teaching_services.assignment_set(
            classroom=school.classroom, module_id=get_course().modules[1].id, due_on=None, note="n" * 301
        )
    assert "note" in refused.value.message_dict


def test_the_forms_take_their_limits_from_the_models(client, school):
    signed_in(client, school.teacher)
    too_long = client.post("/teach/classes/new/", {"name": "y" * 81})
    assert too_long.status_code == 400
    assert "at most 80 characters" in too_long.content.decode()
    assert 'maxlength="80"' in client.get("/teach/").content.decode()
