"""The rule of who sees what, said the same everywhere; the privacy and schools pages; the teacher's
download; a CSV that opens right in Excel; a quiz form that gives away no database id."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client

from classrooms.models import Enrolment
from classrooms.services import students as student_services
from core import visibility
from core.templatetags.visibility import visibility_rule
from courses.registry import get_course
from quizzes.demo import take_quiz
from tests import quiz_client
from tests.classroom_world import build_school, module_with_quiz, quiz_of, signed_in
from tools.text import fk_grade

pytestmark = pytest.mark.django_db

DOC = Path(settings.BASE_DIR) / "docs" / "privacy.md"


def text_of(html: str) -> str:
    """A page's words, tags dropped and whitespace folded, as a reader sees them."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def folded(text: str) -> str:
    return " ".join(text.split())


def phrases(voice: str) -> list[str]:
    said = visibility.VOICES[voice]
    return [
        said.teachers,
        said.class_counts,
        visibility.CLASS_CHECKS,
        said.parents,
        said.only_student,
        said.reflections,
        *visibility.TEACHERS_SEE,
        *visibility.PARENTS_SEE,
        *visibility.ONLY_THE_STUDENT,
    ]


@pytest.fixture
def school():
    return build_school("a")


# --- one rule, said in the doc and on every page that tells someone who sees what ---------------


def test_the_privacy_doc_states_the_rule_in_the_codes_words():
    doc = folded(DOC.read_text(encoding="utf-8"))
    assert [sentence for sentence in visibility.rule_sentences() if sentence not in doc] == []


@pytest.mark.parametrize("voice", ["student", "parent"])
def test_the_rule_reads_at_the_level_of_the_youngest_students(voice):
    """Grade 7 at most, the limit the course's lessons for 11–13-year-olds keep to."""
    html = render_to_string("core/_visibility.html", visibility_rule(voice))
    assert fk_grade(html) <= 7


def test_the_welcome_page_tells_a_new_student_the_rule(client, school):
    client.post("/join/", {"code": school.classroom.join_code, "nickname": "Maya"})
    page = text_of(client.get("/join/welcome/").content.decode())
    assert [phrase for phrase in phrases("student") if phrase not in page] == []


def test_my_classes_and_my_family_say_the_rule_to_their_reader(school):
    student, parent = Client(), Client()
    student.force_login(school.student)
    parent.force_login(school.parent)
    me = text_of(student.get("/me/").content.decode())
    family = text_of(parent.get("/family/").content.decode())
    assert [phrase for phrase in phrases("student") if phrase not in me] == []
    assert [phrase for phrase in phrases("parent") if phrase not in family] == []
    assert "Only you can see" in me
    assert "Only your child can see" in family


# --- /privacy/ and /schools/ -------------------------------------------------------------------


def test_the_privacy_page_is_the_privacy_doc(client):
    page = text_of(client.get("/privacy/").content.decode())
    doc = DOC.read_text(encoding="utf-8")
    headings = [re.sub(r"[`*]", "", line.lstrip("#")).strip() for line in doc.splitlines() if line.startswith("#")]
    assert len(headings) > 20
    assert [heading for heading in headings if heading not in page] == []
    assert [sentence for sentence in visibility.rule_sentences() if sentence not in page] == []
    # Every field the doc describes is on the page too (the tables are rendered, not dropped).
    fields = re.findall(r"^\| `([^`]+)` \|", doc, flags=re.MULTILINE)
    assert [field for field in fields if f" {field} " not in f" {page} "] == []


def test_the_schools_page_answers_a_data_protection_lead(client, settings):
    settings.RETENTION_DAYS = 123
    page = text_of(client.get("/schools/").content.decode())
    for words in (
        "self-hosted",
        "The school is the data controller",
        "No third parties",
        "123 days later",
        "RETENTION_DAYS",
        "purge_expired",
        "download everything Pause stores about them",
        "delete a student’s account",
        "How to run it yourselves",
        "docs/deploy.md",
    ):
        assert words in page
    assert [phrase for phrase in phrases("adult") if phrase not in page] == []


@pytest.mark.parametrize(
    "path", ["/", "/accounts/signup/teacher/", "/accounts/signup/parent/", "/join/", "/privacy/", "/schools/"]
)
def test_the_footer_and_every_sign_up_form_link_the_privacy_and_schools_pages(client, path):
    page = client.get(path).content.decode()
    footer = page[page.index("<footer") :]
    assert 'href="/privacy/"' in footer
    assert 'href="/schools/"' in footer


@pytest.mark.parametrize("path", ["/accounts/signup/teacher/", "/accounts/signup/parent/", "/join/"])
def test_each_sign_up_form_links_them_beside_the_form(client, path):
    page = client.get(path).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert 'href="/privacy/"' in main
    assert 'href="/schools/"' in main


# --- the teacher's download: what the rule lets them see, and the account ----------------------


def test_a_teachers_download_leaves_out_answers_choices_and_parents(school):
    module = module_with_quiz()
    take_quiz(user=school.student, quiz=quiz_of(module.id))
    teacher = signed_in(Client(), school.teacher)
    url = f"/teach/classes/{school.classroom.pk}/students/{school.student.pk}/data.json"
    data = json.loads(teacher.get(url).content)
    assert data["format"] == "pause-student-export-for-school/1"
    assert data["account"]["username"] == school.student.username
    assert set(data) == {"format", "exported_at", "account", "classes", "modules", "work_set", "not_included"}
    line = next(line for line in data["modules"] if line["module"] == module.title)
    assert line["best_quiz_percent"] == 100
    assert line["lessons_total"] == len(module.lessons)
    assert school.parent.first_name not in json.dumps(data)
    assert "answer" not in json.dumps(data["modules"])
    own = json.loads(signed_in(Client(), school.student).get("/me/data.json").content)
    assert own["quiz_attempts"][0]["answers"]
    assert own["family_links"][0]["parent"] == school.parent.first_name


def test_a_teachers_download_names_only_the_classes_they_may_see():
    here, elsewhere = build_school("a"), build_school("b")
    Enrolment.objects.create(classroom=elsewhere.classroom, student=here.student)  # joined with B's code too
    url = f"/teach/classes/{here.classroom.pk}/students/{here.student.pk}/data.json"
    data = json.loads(signed_in(Client(), here.teacher).get(url).content)
    assert [place["class"] for place in data["classes"]] == [here.classroom.name]
    assert {line["class"] for line in data["work_set"]} == {here.classroom.name}
    own = json.loads(signed_in(Client(), here.student).get("/me/data.json").content)
    assert sorted(place["class"] for place in own["classes"]) == sorted([here.classroom.name, elsewhere.classroom.name])


# --- the CSV ----------------------------------------------------------------------------------


def test_the_csv_opens_right_in_excel(school):
    school.classroom.name = 'Year 9 / Chloé’s "group"'
    school.classroom.save()
    student_services.roster_create(classroom=school.classroom, names=["Chloé", "Zoë"])
    response = signed_in(Client(), school.teacher).get(f"/teach/classes/{school.classroom.pk}/progress.csv")
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8's byte-order mark: Excel reads the rest as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    title = get_course().modules[0].title
    assert rows[0][:7] == [
        "Nickname",
        "Username",
        f"{title}: status",
        f"{title}: lessons done",
        f"{title}: lessons total",
        f"{title}: best quiz %",
        f"{title}: overdue",
    ]
    chloe = next(row for row in rows if row[0] == "Chloé")
    assert chloe[2:5] == ["Not started", "0", str(len(get_course().modules[0].lessons))]
    assert "Zoë" in [row[0] for row in rows]
    assert not any("/" in cell for row in rows[1:] for cell in row[2:])  # nothing Excel turns into a date
    disposition = response["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="pause-year-9-chloes-group-\d{4}-\d{2}-\d{2}\.csv"', disposition)


# --- F22: the quiz form carries no database id ------------------------------------------------


def test_the_quiz_forms_hidden_fields_name_no_database_id(fixture_course, client, school):
    signed_in(client, school.student)
    attempt = quiz_client.start(client)
    page = client.get(quiz_client.QUIZ).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    assert set(hidden) == {"csrfmiddlewaretoken", "quiz", "attempt", "position", "key"}
    assert hidden["attempt"] == str(attempt.public_id)  # a random UUID, not the row number
    assert hidden["quiz"] == attempt.module_id
    assert hidden["position"] == str(attempt.answered)  # questions answered so far in this attempt
    assert str(attempt.pk) not in (hidden["attempt"], hidden["key"])
    assert 'name="station"' not in page  # the signed station that held the row number is gone
