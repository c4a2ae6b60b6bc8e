"""The before-and-after check: offered once to a student, stored as small numbers, their own change on
/progress/, and a class's totals for its teacher and school, hidden below five on either side."""

from __future__ import annotations

import shutil

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from accounts import services as account_services
from accounts.models import User
from classrooms.models import Enrolment
from classrooms.services import students as student_services
from core.visibility import MIN_CHECK_STUDENTS
from courses import registry as course_registry
from courses.registry import get_course
from prepost import services
from prepost.domain import Check, Phase
from prepost.loader import load_checks
from prepost.models import CheckAnswer
from prepost.registry import get_check
from quizzes.demo import take_quiz
from tests.classroom_world import build_school, quiz_of, signed_in
from tests.conftest import INVALID_CONTENT

pytestmark = pytest.mark.django_db


def first_module():
    return get_course().modules[0]


def check_of(module_id: str) -> Check:
    check = get_check(module_id)
    assert check is not None
    return check


def answers(check: Check, *, rating: int = 2, right: bool = True) -> dict[str, str]:
    data = {f"rate-{s.id}": str(rating) for s in check.statements}
    for q in check.questions:
        wrong = next(o.id for o in q.options if o.id != q.answer)
        data[f"ask-{q.id}"] = q.answer if right else wrong
    return data


def record(user: User, check: Check, phase: Phase, *, rating: int = 3, right: int = 3) -> None:
    choices = [
        q.answer if i < right else next(o.id for o in q.options if o.id != q.answer)
        for i, q in enumerate(check.questions)
    ]
    services.check_answer_record(
        user=user, check=check, phase=phase, ratings=[rating] * len(check.statements), choices=choices
    )


# --- content ----------------------------------------------------------------------------------------


def test_every_module_of_the_real_course_has_a_check_of_the_right_shape():
    result = load_checks(get_course(), django_settings.PAUSE_CONTENT_DIR)
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert set(result.checks) == {module.id for module in get_course().modules}
    for module in get_course().modules:
        check = result.checks[module.id]
        assert 3 <= len(check.statements) <= 4
        assert len(check.questions) == 3
        lessons = {lesson.id for lesson in module.lessons}
        assert all(q.lesson_id in lessons and q.answer in {o.id for o in q.options} for q in check.questions)


def test_a_broken_check_is_a_system_check_error_naming_its_file_and_line(settings, valid_content):
    from prepost.checks import check_prepost

    shutil.copyfile(INVALID_CONTENT / "check-two-statements.check.yaml", valid_content / "modules/alpha/check.yaml")
    settings.PAUSE_CONTENT_DIR = valid_content
    try:
        [error] = check_prepost()
        assert str(error) == (
            "content/modules/alpha/check.yaml:2: confidence: 2 confidence statements: a check has 3 or 4 [content.E040]"
        )
    finally:
        course_registry.reset()


# --- a student takes it -------------------------------------------------------------------------------


@pytest.fixture
def school():
    return build_school("a")


def test_a_student_is_offered_the_before_check_on_the_module_page_and_first_lesson_only(client, school):
    module = first_module()
    signed_in(client, school.student)
    take = reverse("prepost:take", args=[module.id, "before"])
    assert take in client.get(reverse("courses:module", args=[module.id])).content.decode()
    first = client.get(reverse("courses:lesson", args=[module.id, module.lessons[0].id])).content.decode()
    assert take in first
    assert module.lessons[0].title in first
    second = reverse("courses:lesson", args=[module.id, module.lessons[1].id])
    assert take not in client.get(second).content.decode()


def test_visitors_and_grown_ups_are_not_asked(client, school):
    module = first_module()
    take = reverse("prepost:take", args=[module.id, "before"])
    assert take not in client.get(reverse("courses:module", args=[module.id])).content.decode()
    assert client.get(take).status_code == 302  # to sign in
    signed_in(client, school.teacher)
    assert take not in client.get(reverse("courses:module", args=[module.id])).content.decode()
    assert client.get(take)["Location"] == reverse("courses:module", args=[module.id])
    assert client.post(take, answers(check_of(module.id))).status_code == 302
    assert not CheckAnswer.objects.exists()


def test_the_before_check_stores_small_numbers_and_is_not_offered_again(client, school):
    module = first_module()
    check = check_of(module.id)
    signed_in(client, school.student)
    response = client.post(reverse("prepost:take", args=[module.id, "before"]), answers(check, rating=2, right=False))
    assert response["Location"] == reverse("courses:lesson", args=[module.id, module.lessons[0].id])
    row = CheckAnswer.objects.get(user=school.student, module_id=module.id, phase="before")
    assert row.ratings == [2] * len(check.statements)
    assert row.marks == [0, 0, 0]
    assert not row.skipped
    page = client.get(reverse("courses:module", args=[module.id])).content.decode()
    assert reverse("prepost:take", args=[module.id, "before"]) not in page
    # Posting again keeps the first answers: the starting point counts once.
    client.post(reverse("prepost:take", args=[module.id, "before"]), answers(check, rating=5))
    assert CheckAnswer.objects.get(user=school.student, phase="before").ratings == [2] * len(check.statements)


def test_not_now_is_remembered_and_the_lesson_opens(client, school):
    module = first_module()
    signed_in(client, school.student)
    response = client.post(reverse("prepost:not-now", args=[module.id, "before"]))
    assert response["Location"] == reverse("courses:lesson", args=[module.id, module.lessons[0].id])
    assert CheckAnswer.objects.get(user=school.student).skipped
    page = client.get(reverse("courses:module", args=[module.id])).content.decode()
    assert reverse("prepost:take", args=[module.id, "before"]) not in page


def test_a_student_who_has_started_the_module_is_not_offered_the_before_check(client, school):
    module = first_module()
    signed_in(client, school.student)
    client.post(reverse("courses:lesson-done", args=[module.id, module.lessons[0].id]))
    assert (
        reverse("prepost:take", args=[module.id, "before"])
        not in client.get(reverse("courses:module", args=[module.id])).content.decode()
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.pop(next(iter(data))),  # a statement not rated
        lambda data: data.update({next(iter(data)): "9"}),  # off the scale
        lambda data: data.update({next(k for k in data if k.startswith("ask-")): "not-an-option"}),
    ],
    ids=["missing", "off-scale", "unknown-option"],
)
def test_bad_answers_are_refused_with_a_message_and_nothing_is_stored(client, school, change):
    module = first_module()
    data = answers(check_of(module.id))
    change(data)
    signed_in(client, school.student)
    response = client.post(reverse("prepost:take", args=[module.id, "before"]), data)
    assert response.status_code == 400
    assert "Some questions have no answer yet" in response.content.decode()
    assert "checked" in response.content.decode()  # what was chosen is still chosen
    assert not CheckAnswer.objects.exists()


def test_after_the_quiz_result_the_after_check_is_offered_and_the_student_sees_their_change(client, school):
    module = first_module()
    check = check_of(module.id)
    record(school.student, check, Phase.BEFORE, rating=1, right=1)
    attempt = take_quiz(user=school.student, quiz=quiz_of(module.id))
    signed_in(client, school.student)
    result = client.get(reverse("quizzes:result", args=[module.id, attempt.public_id])).content.decode()
    after = reverse("prepost:take", args=[module.id, "after"])
    assert after in result
    assert "Not now" in result
    response = client.post(after, answers(check, rating=4))
    assert response["Location"] == reverse("quizzes:progress") + "#checks"
    page = client.get(reverse("quizzes:progress")).content.decode()
    assert "1 Not at all" in page
    assert "4 Quite sure" in page
    assert f"1 of {len(check.questions)}" in page
    assert f"3 of {len(check.questions)}" in page
    assert after not in client.get(reverse("quizzes:result", args=[module.id, attempt.public_id])).content.decode()


def test_export_holds_the_rows_and_deleting_the_account_removes_them(client, school):
    module = first_module()
    record(school.student, check_of(module.id), Phase.BEFORE, rating=2)
    signed_in(client, school.student)
    data = client.get(reverse("classrooms:me-export")).json()
    [row] = data["before_and_after_checks"]
    assert row["module"] == module.id
    assert row["when"] == "before"
    assert row["confidence_ratings_1_to_5"][0] == 2
    account_services.user_delete(user=school.student)
    assert not CheckAnswer.objects.exists()


# --- a class's totals ---------------------------------------------------------------------------------


def class_of(size: int):
    school = build_school("c", students=size)
    students = list(User.objects.filter(enrolments__classroom=school.classroom).order_by("pk"))
    assert len(students) == size
    return school, students


@pytest.mark.parametrize(("before", "after"), [(4, 5), (5, 4), (4, 4)])
def test_fewer_than_five_on_either_side_hides_the_totals(client, before, after):
    school, students = class_of(5)
    check = check_of(first_module().id)
    for student in students[:before]:
        record(student, check, Phase.BEFORE, rating=2)
    for student in students[:after]:
        record(student, check, Phase.AFTER, rating=5)
    signed_in(client, school.teacher)
    page = client.get(reverse("classrooms:checks", args=[school.classroom.pk])).content.decode()
    assert f"Not enough answers yet (fewer than {MIN_CHECK_STUDENTS} on each side)" in page
    assert '<svg class="prepost-chart"' not in page
    assert "prepost-table" not in page
    csv = client.get(reverse("classrooms:checks-csv", args=[school.classroom.pk])).getvalue().decode()
    assert "Not enough answers yet" in csv
    assert "Very sure" not in csv
    admin = signed_in(Client(), school.admin).get(reverse("classrooms:school-checks")).content.decode()
    assert '<svg class="prepost-chart"' not in admin


def test_five_on_each_side_shows_charts_a_table_and_a_csv_with_a_bom(client):
    school, students = class_of(5)
    module = first_module()
    check = check_of(module.id)
    for student in students:
        record(student, check, Phase.BEFORE, rating=2, right=1)
        record(student, check, Phase.AFTER, rating=5, right=3)
    signed_in(client, school.teacher)
    page = client.get(reverse("classrooms:checks", args=[school.classroom.pk])).content.decode()
    assert page.count('role="img"') == len(check.statements) + 1
    assert f'<title id="chart-{module.id}-0-title">{check.statements[0].text}</title>' in page
    assert "<td>5</td><td>0</td>" in page  # "2 A little": 5 before, 0 after
    assert "Not enough answers yet" in page  # the other modules, with no answers
    raw = client.get(reverse("classrooms:checks-csv", args=[school.classroom.pk])).getvalue()
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Module,Students before,Students after,Question,Answer")
    assert f"{module.title},5,5,{check.statements[0].text},5 Very sure,0,5" in lines
    assert f"{module.title},5,5,Knowledge questions right (of 3),3 of 3 right,0,5" in lines
    admin_page = signed_in(Client(), school.admin).get(reverse("classrooms:school-checks")).content.decode()
    assert admin_page.count('role="img"') == len(check.statements) + 1


def test_a_student_in_two_classes_of_the_school_is_counted_once_for_the_school():
    school, students = class_of(5)
    check = check_of(first_module().id)
    from classrooms.services import teaching

    other = teaching.classroom_create(teacher=school.teacher, name="Class c2")
    for student in students:
        Enrolment.objects.create(classroom=other, student=student)
        record(student, check, Phase.BEFORE)
        record(student, check, Phase.AFTER)
    page = signed_in(Client(), school.admin).get(reverse("classrooms:school-checks")).content.decode()
    assert "5 students before, 5 after." in page


# who -> (status of the class page and its CSV, status of the school page and its CSV)
REACH = {
    "class_teacher": (200, 403),
    "school_admin": (200, 200),
    "same_school_teacher": (404, 403),  # another class of the same school
    "other_school_teacher": (404, 403),
    "other_school_admin": (404, 200),  # their own school's page: school A's students are not in it
    "student": (403, 403),
    "parent": (403, 403),
    "visitor": (302, 302),
}


@pytest.mark.parametrize("who", REACH)
def test_only_the_class_teacher_and_school_admins_reach_the_class_totals(client, who):
    school, students = class_of(5)
    check = check_of(first_module().id)
    for student in students:
        record(student, check, Phase.BEFORE)
        record(student, check, Phase.AFTER)
    other = build_school("d")
    colleague = account_services.staff_signup(
        email="colleague-c@example.org",
        name="Colleague",
        password="correct-horse-battery",  # noqa: S106
        staff_code=school.admin.staff_membership.school.staff_code,
    )
    users = {
        "class_teacher": school.teacher,
        "school_admin": school.admin,
        "same_school_teacher": colleague,
        "other_school_teacher": other.teacher,
        "other_school_admin": other.admin,
        "student": school.student,
        "parent": school.parent,
    }
    if who != "visitor":
        signed_in(client, users[who])
    class_status, school_status = REACH[who]
    for url in (
        reverse("classrooms:checks", args=[school.classroom.pk]),
        reverse("classrooms:checks-csv", args=[school.classroom.pk]),
    ):
        assert client.get(url).status_code == class_status, url
    for url in (reverse("classrooms:school-checks"), reverse("classrooms:school-checks-csv")):
        response = client.get(url)
        assert response.status_code == school_status, url
        if who == "other_school_admin":
            assert "Not enough answers yet" in b"".join(response).decode("utf-8-sig")


def test_the_totals_never_show_one_students_answers(client):
    """A student's rows are counted, never listed: the page holds no nickname or username."""
    school, students = class_of(5)
    check = check_of(first_module().id)
    for student in students:
        record(student, check, Phase.BEFORE)
        record(student, check, Phase.AFTER)
    signed_in(client, school.teacher)
    page = client.get(reverse("classrooms:checks", args=[school.classroom.pk])).content.decode()
    csv = client.get(reverse("classrooms:checks-csv", args=[school.classroom.pk])).getvalue().decode()
    for student in students:
        assert student.username not in page
        assert student.username not in csv
        assert student.first_name not in csv


def test_roster_students_joining_later_are_counted(client):
    school, students = class_of(4)
    check = check_of(first_module().id)
    [issued] = student_services.roster_create(classroom=school.classroom, names=["Late"])
    students.append(User.objects.get(username=issued.username))
    for student in students:
        record(student, check, Phase.BEFORE)
        record(student, check, Phase.AFTER)
    signed_in(client, school.teacher)
    page = client.get(reverse("classrooms:checks", args=[school.classroom.pk])).content.decode()
    assert '<svg class="prepost-chart"' in page


def test_the_demo_school_shows_a_chart_for_its_first_module(client, settings):
    from django.core.management import call_command

    from classrooms.models import Classroom

    settings.DEBUG = True
    call_command("seed_demo", quiet=True)
    call_command("seed_demo", quiet=True)  # a second run adds nothing
    classroom = Classroom.objects.get(name="Year 9 PSHE (demo)")
    first = classroom.assignments.order_by("due_on").first()
    assert CheckAnswer.objects.filter(module_id=first.module_id, phase="before").count() >= MIN_CHECK_STUDENTS
    signed_in(client, classroom.teacher)
    page = client.get(reverse("classrooms:checks", args=[classroom.pk])).content.decode()
    assert '<svg class="prepost-chart"' in page


def test_a_second_before_row_is_refused_not_a_crash(school):
    """Two submissions racing: the second finds the row (or the constraint) and is told it is saved."""
    check = check_of(first_module().id)
    record(school.student, check, Phase.BEFORE)
    with pytest.raises(services.CheckRefused):
        record(school.student, check, Phase.BEFORE)
    assert CheckAnswer.objects.filter(user=school.student).count() == 1


def test_an_unknown_phase_or_module_is_not_found(client, school):
    signed_in(client, school.student)
    module = first_module()
    assert client.get(reverse("prepost:take", args=[module.id, "during"])).status_code == 404
    assert client.get(reverse("prepost:take", args=["no-such-module", "before"])).status_code == 404
    assert client.post(reverse("prepost:not-now", args=[module.id, "during"])).status_code == 404
