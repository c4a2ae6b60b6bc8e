"""Issue 14: start a class in a minute (home doors, how it works, age band, several modules at once,
the join link and its QR, share links, roster warnings) and see who needs help (summary, letter)."""

from __future__ import annotations

import datetime
import html
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from accounts.models import User
from classrooms import sharing
from classrooms.models import Assignment, Classroom, Enrolment
from classrooms.services import students as student_services
from classrooms.services import teaching as teaching_services
from core import visibility
from courses.registry import get_course
from quizzes.demo import take_quiz
from tests.classroom_world import build_school, module_with_quiz, quiz_of, signed_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def school():
    return build_school("a")


def older_module_and_young_band():
    course = get_course()
    band = min(course.age_bands, key=lambda b: b.max)
    module = next(m for m in course.modules if not band.suits(m))
    return band, module


# --- the home page and "How Pause works in school" --------------------------------------------


def test_home_offers_a_visitor_teacher_sign_up_and_a_student_the_join_page(client):
    page = client.get("/").content.decode()
    assert 'href="/accounts/signup/teacher/">Set up a class (free)</a>' in page
    assert 'href="/join/">Join your class</a>' in page
    assert 'href="/schools/how-it-works/">How Pause works in school</a>' in page


def test_home_sends_a_signed_in_teacher_straight_to_their_classes(client, school):
    signed_in(client, school.teacher)
    assert 'href="/teach/">Set up a class (free)</a>' in client.get("/").content.decode()


def test_how_it_works_shows_each_bands_plan_from_the_course_registry(client):
    page = client.get("/schools/how-it-works/").content.decode()
    course = get_course()
    for band in course.age_bands:
        fitting = [m for m in course.modules if band.suits(m)][:6]
        assert band.label in page
        for module in fitting:
            lessons = len(module.lessons)
            assert f"{html.escape(module.title, quote=False)}</a>: {lessons} short lesson" in page.replace(
                "&#x27;", "'"
            )
    assert 'href="/privacy/"' in page
    for heading in ("What students do", "What teachers see", "What parents and carers see", "Privacy"):
        assert heading in page
    # What teachers see is the one written rule, before-and-after totals included (core/visibility.py).
    assert visibility.CLASS_COUNTS in page
    assert visibility.CLASS_CHECKS in page


# --- making a class with an age band, and assigning several modules ---------------------------------


def test_a_new_class_keeps_its_age_band_and_opens_with_the_plan_ticked(client, school):
    signed_in(client, school.teacher)
    band = get_course().age_bands[0]
    response = client.post("/teach/classes/new/", {"name": "8B Tuesday", "age_band": band.id})
    classroom = Classroom.objects.get(name="8B Tuesday")
    assert classroom.age_band == band.id
    assert response.url == f"/teach/classes/{classroom.pk}/"
    page = client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    plan = [m for m in get_course().modules if band.suits(m)][:6]
    for module in plan:
        assert f'value="{module.id}" id="pick-{module.id}" checked' in page
    first = (TODAY() + datetime.timedelta(days=7)).isoformat()
    second = (TODAY() + datetime.timedelta(days=14)).isoformat()
    assert f'name="due_{plan[0].id}" value="{first}"' in page
    assert f'name="due_{plan[1].id}" value="{second}"' in page


def test_an_unknown_age_band_is_refused_with_the_form_kept(client, school):
    signed_in(client, school.teacher)
    response = client.post("/teach/classes/new/", {"name": "8C", "age_band": "3-4"})
    assert response.status_code == 400
    assert 'value="8C"' in response.content.decode()
    assert not Classroom.objects.filter(name="8C").exists()


def test_several_modules_are_assigned_at_once_with_their_own_dates(client, school):
    signed_in(client, school.teacher)
    picks = [m.id for m in get_course().modules[1:4]]
    dates = {f"due_{mid}": (TODAY() + datetime.timedelta(days=7 * (i + 1))).isoformat() for i, mid in enumerate(picks)}
    response = client.post(f"/teach/classes/{school.classroom.pk}/assign-many/", {"modules": picks, **dates})
    assert response.status_code == 302
    for i, mid in enumerate(picks):
        assert Assignment.objects.get(classroom=school.classroom, module_id=mid).due_on == TODAY() + datetime.timedelta(
            days=7 * (i + 1)
        )


def test_assigning_the_whole_course_keeps_an_existing_note(client, school):
    signed_in(client, school.teacher)
    response = client.post(f"/teach/classes/{school.classroom.pk}/assign-many/", {"whole": "1"})
    assert response.status_code == 302
    assert Assignment.objects.filter(classroom=school.classroom).count() == len(get_course().modules)
    first = Assignment.objects.get(classroom=school.classroom, module_id=get_course().modules[0].id)
    assert first.note == "Start here"


def test_a_module_above_the_class_age_band_warns_until_ticked_and_nothing_is_lost(client, school):
    band, module = older_module_and_young_band()
    Classroom.objects.filter(pk=school.classroom.pk).update(age_band=band.id)
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/assign-many/"
    due = (TODAY() + datetime.timedelta(days=9)).isoformat()
    response = client.post(url, {"modules": [module.id], f"due_{module.id}": due})
    page = response.content.decode()
    assert response.status_code == 400
    assert f"is written for ages {module.age_min} and over, above {band.label}" in page
    assert f'value="{module.id}" id="pick-{module.id}" checked' in page  # the ticks and the date are kept
    assert f'name="due_{module.id}" value="{due}"' in page
    assert not Assignment.objects.filter(classroom=school.classroom, module_id=module.id).exists()
    response = client.post(url, {"modules": [module.id], f"due_{module.id}": due, "confirm": "on"})
    assert response.status_code == 302
    assert Assignment.objects.filter(classroom=school.classroom, module_id=module.id).exists()


def test_a_past_due_date_warns_on_both_assign_forms(client, school):
    signed_in(client, school.teacher)
    module = get_course().modules[2]
    past = (TODAY() - datetime.timedelta(days=1)).isoformat()
    many = client.post(
        f"/teach/classes/{school.classroom.pk}/assign-many/", {"modules": [module.id], f"due_{module.id}": past}
    )
    assert many.status_code == 400
    assert "has a due date in the past" in many.content.decode()
    one = client.post(
        f"/teach/classes/{school.classroom.pk}/assign/", {"module_id": module.id, "due_on": past, "note": "Kept"}
    )
    assert one.status_code == 400
    assert "has a due date in the past" in one.content.decode()
    assert "Kept</textarea>" in one.content.decode()
    assert not Assignment.objects.filter(classroom=school.classroom, module_id=module.id).exists()
    client.post(
        f"/teach/classes/{school.classroom.pk}/assign/",
        {"module_id": module.id, "due_on": past, "note": "Kept", "confirm": "on"},
    )
    assert Assignment.objects.get(classroom=school.classroom, module_id=module.id).note == "Kept"


def test_an_older_module_warns_on_the_one_module_form_too(client, school):
    band, module = older_module_and_young_band()
    Classroom.objects.filter(pk=school.classroom.pk).update(age_band=band.id)
    signed_in(client, school.teacher)
    response = client.post(f"/teach/classes/{school.classroom.pk}/assign/", {"module_id": module.id, "note": ""})
    assert response.status_code == 400
    assert f"above {band.label}" in response.content.decode()


def test_ticking_nothing_says_so(client, school):
    signed_in(client, school.teacher)
    response = client.post(f"/teach/classes/{school.classroom.pk}/assign-many/", {})
    assert response.status_code == 400
    assert "Tick at least one module." in response.content.decode()


def test_an_archived_class_refuses_several_modules(client, school):
    teaching_services.classroom_set_archived(classroom=school.classroom, archived=True)
    signed_in(client, school.teacher)
    client.post(f"/teach/classes/{school.classroom.pk}/assign-many/", {"whole": "1"})
    assert Assignment.objects.filter(classroom=school.classroom).count() == 1


# --- the join link, its QR code and share links ---------------------------------------------------


def test_the_join_link_fills_the_code_in_and_never_joins_by_itself(client, school):
    code = school.classroom.join_code
    before = Enrolment.objects.count()
    page = client.get(f"/join/?code={code}").content.decode()
    assert f'name="code" value="{code}"' in page
    assert Enrolment.objects.count() == before
    assert 'name="code" value=' not in client.get("/join/").content.decode()


def test_the_class_page_qr_is_the_join_link_and_every_cards_qr_the_sign_in_page(client, school):
    """A card holder already has an account: their QR opens sign-in, so scanning never makes a second one."""
    signed_in(client, school.teacher)
    link = f"http://testserver/join/?code={school.classroom.join_code}"
    sign_in = "http://testserver/accounts/login/"
    with mock.patch.object(sharing, "qr_svg", wraps=sharing.qr_svg) as spy:
        page = client.get(f"/teach/classes/{school.classroom.pk}/").content.decode()
        client.post(f"/teach/classes/{school.classroom.pk}/roster/", {"names": "Ola\nPip"})
        cards = client.get(f"/teach/classes/{school.classroom.pk}/cards/").content.decode()
    assert [call.args[0] for call in spy.call_args_list] == [link, sign_in]
    svg = str(sharing.qr_svg(link))
    assert svg in page
    assert svg not in cards
    assert cards.count(str(sharing.qr_svg(sign_in))) == 2  # one on each card
    assert svg.startswith("<svg ")
    assert "style=" not in svg
    assert "<script" not in svg


def test_share_links_are_plain_links_to_classroom_and_teams(client, school):
    signed_in(client, school.teacher)
    page = client.get(f"/teach/classes/{school.classroom.pk}/").content.decode()
    link = quote(f"http://testserver/join/?code={school.classroom.join_code}", safe="")
    assert f'href="https://classroom.google.com/share?url={link}"' in page
    assert f'href="https://teams.microsoft.com/share?href={link}"' in page
    assert 'src="https://' not in page  # the page loads nothing from them (or any other host)
    assert page.count("classroom.google.com") == 1


# --- roster warnings (D20) -------------------------------------------------------------------------


def test_duplicate_names_and_surnames_warn_and_add_nobody_until_ticked(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/roster/"
    existing = User.objects.filter(enrolments__classroom=school.classroom).first().first_name
    names = f"Amara\namara\n{existing}\nZoë-Louise O'Neill-Smith"
    before = Enrolment.objects.filter(classroom=school.classroom).count()
    page = client.post(url, {"names": names}).content.decode()
    assert "More than one student would be called" in page
    assert "“amara”" in page
    assert f"“{existing}”" in page
    assert "may include a surname" in page
    assert "O&#x27;Neill-Smith" in page
    assert "Amara\namara" in page  # what was typed is kept
    assert Enrolment.objects.filter(classroom=school.classroom).count() == before
    response = client.post(url, {"names": names, "confirm": "on"})
    assert response.status_code == 302
    assert Enrolment.objects.filter(classroom=school.classroom).count() == before + 4


def test_plain_first_names_need_no_tick(client, school):
    signed_in(client, school.teacher)
    response = client.post(f"/teach/classes/{school.classroom.pk}/roster/", {"names": "Ola\nPip\nMai B"})
    assert response.status_code == 302


# --- the summary ---------------------------------------------------------------------------------------


def test_the_most_missed_question_shows_only_from_five_answers(client, school):
    module = module_with_quiz()
    quiz = quiz_of(module.id)
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    logins = student_services.roster_create(classroom=school.classroom, names=[f"S{n}" for n in range(5)])
    students = [User.objects.get(username=issued.username) for issued in logins]
    for student in students[:4]:
        take_quiz(user=student, quiz=quiz, slip_every=1)  # every answer wrong
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/"
    page = client.get(url).content.decode()
    assert "Most missed knowledge check" not in page
    assert "shown once 5 or more students have answered" in page
    take_quiz(user=students[4], quiz=quiz, slip_every=1)
    page = client.get(url).content.decode()
    assert "Most missed knowledge check" in page
    assert "5 of 5 (100%) missed" in page


def test_the_summary_counts_overdue_and_not_started_and_who_has_not_signed_in(client, school):
    Assignment.objects.filter(classroom=school.classroom).update(due_on=TODAY() - datetime.timedelta(days=2))
    last = datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.UTC)
    User.objects.filter(pk=school.student.pk).update(last_login=last)
    signed_in(client, school.teacher)
    page = client.get(f"/teach/classes/{school.classroom.pk}/").content.decode()
    summary = page.split('id="summary"')[1].split("</section>")[0]
    assert "<strong>3 overdue</strong>, 3 not started" in summary
    assert "2 not signed in yet:" in summary
    said = date_filter(timezone.localtime(last), "D j M")  # the template's own date format, in local time
    assert f"<bdi>{school.student.first_name}</bdi>: {said}</li>" in summary  # last sign-in per student
    others = User.objects.filter(enrolments__classroom=school.classroom).exclude(pk=school.student.pk)
    for other in others:
        link = f'<a href="/teach/classes/{school.classroom.pk}/students/{other.pk}/"><bdi>{other.first_name}</bdi></a>'
        assert link in summary
    assert page.index('id="summary"') < page.index('id="progress"') < page.index('id="joining"')


def test_the_summary_shows_no_story_choice_or_answer(client, school):
    module = module_with_quiz()
    teaching_services.assignment_set(classroom=school.classroom, module_id=module.id, due_on=None, note="")
    take_quiz(user=school.student, quiz=quiz_of(module.id))
    signed_in(client, school.teacher)
    summary = client.get(f"/teach/classes/{school.classroom.pk}/").content.decode().split('id="summary"')[1]
    summary = summary.split("</section>")[0]
    for item in quiz_of(module.id).items:
        if item.kind == "scenario":
            for step in getattr(item, "steps", ()):
                for choice in getattr(step, "choices", ()):
                    assert html.escape(choice.text) not in summary


# --- the letter to families ---------------------------------------------------------------------------


def test_the_letter_lists_the_work_with_public_links_and_the_family_code_flow(client, school):
    module = get_course().modules[0]
    Assignment.objects.filter(classroom=school.classroom).update(due_on=datetime.date(2030, 3, 4))
    signed_in(client, school.teacher)
    page = client.get(f"/teach/classes/{school.classroom.pk}/letter/").content.decode()
    assert "Monday 4 March 2030" in page
    for lesson in module.lessons:
        assert f'href="http://testserver/modules/{module.id}/{lesson.id}/"' in page
    if module.parent_guide_id:
        assert f'href="http://testserver/guides/{module.parent_guide_id}/"' in page
    assert "family code" in page
    assert "http://testserver/accounts/signup/parent/" in page


def test_the_schools_paragraph_is_saved_and_shown_escaped(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/letter/"
    response = client.post(url, {"letter_note": "Lessons are on Tuesdays.\n<script>alert(1)</script>"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Lessons are on Tuesdays." in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page
    too_long = client.post(url, {"letter_note": "x" * 1501})
    assert too_long.status_code == 400
    assert Classroom.objects.get(pk=school.classroom.pk).letter_note.startswith("Lessons are on Tuesdays.")


@pytest.mark.parametrize("who", ["other_teacher", "student", "parent", "visitor"])
def test_strangers_get_no_letter_and_cannot_assign_or_write_it(client, who):
    a, b = build_school("a"), build_school("b")
    user = {"other_teacher": b.teacher, "student": a.student, "parent": a.parent, "visitor": None}[who]
    if user is not None:
        client.force_login(user)
    base = f"/teach/classes/{a.classroom.pk}/"
    expected = {"other_teacher": 404, "student": 403, "parent": 403, "visitor": 302}[who]
    assert client.get(base + "letter/").status_code == expected
    assert client.post(base + "letter/", {"letter_note": "hijacked"}).status_code == expected
    assert client.post(base + "assign-many/", {"whole": "1"}).status_code == expected
    assert Classroom.objects.get(pk=a.classroom.pk).letter_note == ""
    assert Assignment.objects.filter(classroom=a.classroom).count() == 1


# --- the demo (D28) -------------------------------------------------------------------------------------


def test_demo_students_with_progress_have_signed_in(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet=True)
    with_progress = User.objects.filter(role=User.Role.STUDENT, lesson_progress__isnull=False).distinct()
    assert with_progress.exists()
    assert not with_progress.filter(last_login__isnull=True).exists()


def test_a_class_age_band_can_be_changed_later_and_a_wrong_one_is_refused(client, school):
    signed_in(client, school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/age/"
    band = get_course().age_bands[-1]
    assert client.post(url, {"age_band": band.id}).status_code == 302
    assert Classroom.objects.get(pk=school.classroom.pk).age_band == band.id
    client.post(url, {"age_band": "0-1"})
    assert Classroom.objects.get(pk=school.classroom.pk).age_band == band.id
    page = client.get(f"/teach/classes/{school.classroom.pk}/", follow=True).content.decode()
    assert f'<option value="{band.id}" selected>{band.label}</option>' in page


@pytest.mark.parametrize("who", ["other_teacher", "student", "parent", "visitor"])
def test_strangers_cannot_change_a_class_age_band(client, who):
    a, b = build_school("a"), build_school("b")
    user = {"other_teacher": b.teacher, "student": a.student, "parent": a.parent, "visitor": None}[who]
    if user is not None:
        client.force_login(user)
    response = client.post(f"/teach/classes/{a.classroom.pk}/age/", {"age_band": get_course().age_bands[0].id})
    assert response.status_code == {"other_teacher": 404, "student": 403, "parent": 403, "visitor": 302}[who]
    assert Classroom.objects.get(pk=a.classroom.pk).age_band == ""
