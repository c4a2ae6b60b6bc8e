"""The curriculum map: /curriculum/, each framework's page, its CSV, and the links to them."""

import csv
import io

import pytest
from django.urls import reverse

from courses.registry import get_course
from tests.classroom_world import build_world

FRAMEWORK_IDS = [f.id for f in get_course().standards.frameworks]


def _csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff"), "the CSV starts with a byte-order mark, so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_index_lists_every_framework_with_its_coverage(client):
    html = client.get(reverse("quizzes:curriculum")).content.decode()
    course = get_course()
    for framework in course.standards.frameworks:
        assert reverse("quizzes:curriculum-framework", args=[framework.id]) in html
        assert framework.short_name in html
    row = html.split(">NZ Health and PE</a>", 1)[1].split("</tr>", 1)[0]
    assert [cell.split(">")[-1] for cell in row.split("</td>")[:3]] == ["New Zealand", "7", "6"]


@pytest.mark.parametrize("framework_id", FRAMEWORK_IDS)
def test_every_framework_page_shows_each_statement_with_the_lessons_that_cover_it(client, framework_id):
    framework = get_course().standards.framework(framework_id)
    response = client.get(reverse("quizzes:curriculum-framework", args=[framework_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert framework.name.replace("'", "&#x27;") in html
    assert f'href="{framework.url}"' in html
    covered, not_covered = html.split('id="not-covered"', 1)
    for statement in framework.statements:
        assert statement.text.replace("'", "&#x27;") in html
    for module in get_course().modules:
        for lesson in module.lessons:
            for ref in lesson.standards:
                if ref.startswith(f"{framework_id}:"):
                    assert reverse("courses:lesson", args=[module.id, lesson.id]) in covered


def test_the_rshe_page_says_plainly_what_is_not_yet_quoted(client):
    html = client.get(reverse("quizzes:curriculum-framework", args=["rshe"])).content.decode()
    assert "https://www.gov.uk/government/publications/relationships-education-relationships-and-sex-education" in html
    assert "What is missing:" in html
    assert "No statements from this framework are quoted here yet" in html


def test_a_statement_lists_its_lessons_and_quiz_questions_and_the_uncovered_ones_are_named(client, fixture_course):
    html = client.get(reverse("quizzes:curriculum-framework", args=["example"])).content.decode()
    covered, not_covered = html.split('id="not-covered"', 1)
    assert "A test statement that the first lesson teaches." in covered
    assert 'href="/modules/alpha/first-lesson/"' in covered
    assert "Alpha quiz, question 1</a>: Kim gets a message from a stranger." in covered
    assert "A test statement that no lesson teaches." in not_covered
    assert "Pause covers 1 of the 2 statements quoted here." in html
    assert "SECRET-FEEDBACK" not in html  # a question's prompt only: never its choices' feedback or its answer


def test_the_csv_has_a_bom_and_a_row_per_statement(client, fixture_course):
    response = client.get(reverse("quizzes:curriculum-csv", args=["example"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="pause-curriculum-example.csv"'
    header, *rows = _csv_rows(response)
    assert header[:7] == ["Framework", "Code", "Section", "Stage", "Statement", "Statement source", "Covered by Pause"]
    assert [(r[1], r[6]) for r in rows] == [("EX.1", "yes"), ("EX.2", "no")]
    assert rows[0][8] == "Alpha: The first lesson"
    assert rows[0][9] == "http://testserver/modules/alpha/first-lesson/"
    assert rows[0][10].startswith("Alpha quiz, question 1: Kim gets a message")


@pytest.mark.parametrize("framework_id", FRAMEWORK_IDS)
def test_every_framework_downloads_with_one_row_per_statement(client, framework_id):
    header, *rows = _csv_rows(client.get(reverse("quizzes:curriculum-csv", args=[framework_id])))
    assert len(rows) == len(get_course().standards.framework(framework_id).statements)


def test_an_unknown_framework_is_not_found(client):
    assert client.get("/curriculum/no-such-framework/").status_code == 404
    assert client.get("/curriculum/no-such-framework/csv/").status_code == 404


def test_the_schools_page_links_to_the_map(client):
    assert 'href="/curriculum/"' in client.get(reverse("core:schools")).content.decode()


@pytest.mark.django_db
def test_the_teacher_area_links_to_the_map(client):
    world = build_world()
    client.force_login(world.a.teacher)
    assert 'href="/curriculum/"' in client.get(reverse("classrooms:teach")).content.decode()


def test_a_quoted_framework_says_whose_wording_it_is_and_under_what_terms(client, fixture_course):
    html = client.get(reverse("quizzes:curriculum-framework", args=["example"])).content.decode()
    facts = html.split('class="curriculum-facts"', 1)[1].split("</dl>", 1)[0]
    assert "Quoted exactly from the publisher’s own pages" in facts
    assert "under the Example Open Licence" in facts


def test_a_framework_with_nothing_quoted_claims_no_wording(client):
    html = client.get(reverse("quizzes:curriculum-framework", args=["rshe"])).content.decode()
    assert "Quoted exactly" not in html


def test_a_reflection_question_is_listed_by_its_words_not_its_id(client):
    html = client.get(reverse("quizzes:curriculum-framework", args=["nz-hpe"])).content.decode()
    assert "Question what-would-you-say" not in html
    assert "A friend tells you someone keeps asking them for a photo" in html
