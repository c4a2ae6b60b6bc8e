"""Presenting a lesson and the module pack, through the test client (issue 14).

The pack PDFs here are made by tests/fake_chromium.py (tests/conftest.py); the real Chromium's
PDF is checked in tests/browser/test_module_pack.py.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from courses import presenting
from courses.registry import get_course
from quizzes import packs, pdf

pytestmark = pytest.mark.django_db


def present_url(module_id: str, lesson_id: str) -> str:
    return reverse("courses:present", args=[module_id, lesson_id])


# --- present ------------------------------------------------------------------------------------


def test_a_lesson_is_presented_as_one_slide_per_heading_with_its_presenter_notes(client):
    module = get_course().module("consent")
    assert module is not None
    lesson = module.lesson("pressure-and-saying-no")
    assert lesson is not None
    page = client.get(present_url(module.id, lesson.id)).content.decode()

    slides = re.findall(r'<section class="slide[^"]*" id="slide-(\d+)"', page)
    # The title slide, one per h2 of the lesson, then where help is.
    assert len(slides) == lesson.html.count("<h2") + 2
    assert [int(number) for number in slides] == list(range(1, len(slides) + 1))
    for heading in (h for h in lesson.headings if h.level == 2):
        assert f">{heading.text}</h2>" in page.replace("&#x27;", "'")
    last = len(slides)
    assert f"Slide 2 of {last}" in page
    assert 'href="#slide-3" data-slide-go rel="next"' in page  # works without JavaScript
    # The teacher notes' timing and questions for this lesson, and no other lesson's.
    assert "About 15 minutes." in page
    assert "Reply-writing activity" in page
    assert "Which kinds of pressure does Sam use on Priya?" in page
    assert "Zara says" not in page
    # Quick exit is still there, and the only script is a file.
    assert "data-quick-exit" in page
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert " onclick=" not in page
    assert "style=" not in page


def test_every_lesson_of_the_course_has_a_timing_and_questions_for_its_presenter():
    missing = [
        lesson.key
        for module in get_course().modules
        for lesson in module.lessons
        if not (notes := presenting.presenter_notes(module, lesson)).minutes or not notes.questions_html
    ]
    assert missing == [], "teacher.md has no timings row or no discussion questions for these lessons"


def test_a_shortened_title_in_the_teacher_notes_still_finds_the_lesson(client):
    # bystanders' notes call "When someone sends you a nude you didn't ask for" by a shorter name.
    page = client.get(reverse("courses:present-notes", args=["bystanders", "unwanted-nudes"])).content.decode()
    assert "About 13 minutes." in page
    assert "Discussion questions" in page


def test_presenter_notes_remind_the_teacher_how_to_handle_a_disclosure(client):
    page = client.get(reverse("courses:present-notes", args=["bystanders", "unwanted-nudes"])).content.decode()
    page = page.replace("&#x27;", "'").replace("’", "'")
    assert "don't ask anyone to share their own experiences" in page
    assert "don't look at any image, and tell your safeguarding lead straight away" in page


def test_teacher_notes_without_a_timings_table_present_the_lesson_and_say_so(client, fixture_course):
    # The small course's notes say "Ten minutes each." in prose: no row, no questions to show.
    module = fixture_course.modules[0]
    response = client.get(present_url(module.id, module.lessons[0].id))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The teacher notes have no timing or questions for this lesson." in page
    assert 'id="slide-1"' in page


def test_a_lesson_that_shows_the_law_card_points_to_the_law_pages_when_presented(client):
    module = next(m for m in get_course().modules if any(lesson.show_law_card for lesson in m.lessons))
    lesson = next(lesson for lesson in module.lessons if lesson.show_law_card)
    page = client.get(present_url(module.id, lesson.id)).content.decode()
    assert f'href="{reverse("courses:law")}"' in page
    assert "general information, not legal advice" in page


def test_presenting_a_lesson_that_does_not_exist_is_not_found(client):
    assert client.get(present_url("consent", "no-such-lesson")).status_code == 404
    assert client.get(reverse("courses:present-notes", args=["no-such-module", "x"])).status_code == 404


def test_the_teacher_notes_link_to_every_lessons_slides_and_to_the_pack(client):
    page = client.get(reverse("courses:teacher-notes", args=["consent"])).content.decode()
    module = get_course().module("consent")
    assert module is not None
    for lesson in module.lessons:
        assert present_url(module.id, lesson.id) in page
    assert reverse("quizzes:pack", args=["consent"]) in page
    assert reverse("quizzes:pack-pdf", args=["consent"]) in page


# --- the pack as a page -------------------------------------------------------------------------


def _teacher():
    from accounts.models import User

    return User.objects.create_user(
        username="rivera@example.org", email="rivera@example.org", password="x", role=User.Role.TEACHER
    )


@pytest.mark.django_db
def test_a_teachers_pack_page_has_notes_lessons_worksheet_cards_exit_slip_and_answers_last(client):
    pack = packs.pack_get(module_id="consent", answers=True)
    client.force_login(_teacher())
    page = client.get(reverse("quizzes:pack", args=["consent"])).content.decode()
    worksheet, answers = page.index('id="pack-worksheet-title"'), page.index('id="pack-answers-title"')
    assert page.index('id="pack-notes-title"') < page.index("pack-lesson-what-consent-is") < worksheet
    assert worksheet < page.index('id="pack-exit-title"') < answers
    assert page.count('class="pack-question"') == len(pack.questions) > 0
    assert page.count('<div class="pack-card">') == sum(len(s.cards) + len(s.endings) for s in pack.stories) > 0
    # The answers are on their own page, after everything a student is given.
    right = pack.answers[0].texts[0]
    assert right in page[answers:]
    assert "The answer:" not in page[:answers]
    assert "Download the pack (PDF, with the answers)" in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["visitor", "student", "parent"])
def test_anyone_but_a_teacher_gets_the_pack_without_the_answers(client, role):
    """The quiz never shows an answer before it is given, so neither does a pack a student can open."""
    from accounts.models import User

    if role != "visitor":
        role_value = User.Role.STUDENT if role == "student" else User.Role.PARENT
        client.force_login(User.objects.create_user(username=f"{role}-1", password="x", role=role_value))
    teachers = packs.pack_get(module_id="consent", answers=True)
    page = client.get(reverse("quizzes:pack", args=["consent"])).content.decode()
    assert 'id="pack-worksheet-title"' in page
    assert 'id="pack-answers-title"' not in page
    assert "sign in as a teacher" in page
    assert all(answer.explanation_html not in page for answer in teachers.answers if answer.explanation_html)
    assert packs.pack_get(module_id="consent").answers == ()
    assert packs.pack_get(module_id="consent").key != teachers.key


def test_every_story_step_is_a_card_with_its_choices():
    pack = packs.pack_get(module_id="consent")
    assert pack.stories
    for story in pack.stories:
        assert all(len(card.choices) >= 2 for card in story.cards)
        assert [card.number for card in story.cards] == list(range(1, len(story.cards) + 1))


def test_an_ordering_question_is_scrambled_on_the_worksheet():
    for module in get_course().modules:
        for question in packs.pack_get(module_id=module.id).questions:
            if question.numbered:
                answer = packs.pack_get(module_id=module.id, answers=True).answers[question.number - 1]
                assert sorted(question.choices) == sorted(answer.texts)
                assert question.choices != answer.texts
                return
    pytest.skip("no ordering question in the course")


def test_the_pack_of_no_such_module_is_not_found(client):
    assert client.get(reverse("quizzes:pack", args=["nope"])).status_code == 404
    assert client.get(reverse("quizzes:pack-pdf", args=["nope"])).status_code == 404


# --- the PDF: built once, served as a file, a clear refusal when it cannot be made ----------------


@pytest.fixture
def builds(monkeypatch):
    """Counts the PDFs actually printed."""
    made: list[str] = []
    real = pdf._print

    def counting(html: str, target: Path) -> None:
        made.append(target.name)
        real(html, target)

    monkeypatch.setattr(pdf, "_print", counting)
    return made


def test_the_pdf_is_built_on_the_first_request_and_served_as_a_file_after(client, builds, settings):
    url = reverse("quizzes:pack-pdf", args=["consent"])
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert 'filename="pause-consent-pack.pdf"' in first["Content-Disposition"]
    assert b"".join(first.streaming_content).startswith(b"%PDF-")
    second = client.get(url)
    assert second.status_code == 200
    assert b"".join(second.streaming_content).startswith(b"%PDF-")
    assert len(builds) == 1, "the second request built the PDF again"
    assert [p.name for p in Path(settings.PAUSE_PACK_DIR).glob("consent-*.pdf")] == builds


def test_concurrent_first_requests_build_the_pdf_once(builds, monkeypatch):
    pack = packs.pack_get(module_id="consent")
    started = threading.Event()
    slow = pdf._print

    def slow_print(html: str, target: Path) -> None:
        started.set()
        time.sleep(0.3)  # long enough for the second caller to reach the lock
        slow(html, target)

    monkeypatch.setattr(pdf, "_print", slow_print)
    results: list[tuple[Path, bool]] = []
    first = threading.Thread(target=lambda: results.append(pdf.pack_pdf_build(pack=pack)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: results.append(pdf.pack_pdf_build(pack=pack)))
    second.start()
    first.join(30)
    second.join(30)
    assert len(builds) == 1
    assert sorted(made for _, made in results) == [False, True]
    assert results[0][0] == results[1][0]


def test_a_new_content_version_gets_a_new_pdf_and_the_old_one_goes(builds, settings):
    pack = packs.pack_get(module_id="consent")
    old, _ = pdf.pack_pdf_build(pack=pack)
    newer = packs.Pack(pack.module, pack.questions, pack.answers, pack.stories, key="0123456789abcdef")
    new, made = pdf.pack_pdf_build(pack=newer)
    assert made
    assert new != old
    assert not old.exists()
    assert [p.name for p in Path(settings.PAUSE_PACK_DIR).glob("*.pdf")] == [new.name]


def test_a_broken_file_on_disk_is_built_again(builds):
    pack = packs.pack_get(module_id="consent")
    target = pdf.pack_pdf_file(pack)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"")  # a build that died half way, by an older version
    path, made = pdf.pack_pdf_build(pack=pack)
    assert made
    assert path.read_bytes().startswith(b"%PDF-")


def test_a_pdf_removed_before_it_is_read_is_made_again(builds, monkeypatch):
    pack = packs.pack_get(module_id="consent")
    real_build = pdf.pack_pdf_build

    def build_then_lose(*, pack, force=False):
        path, made = real_build(pack=pack, force=force)
        if len(builds) == 1 and made:
            path.unlink()  # gone between being made and being opened
        return path, made

    monkeypatch.setattr(pdf, "pack_pdf_build", build_then_lose)
    with pdf.pack_pdf_open(pack=pack) as handle:
        assert handle.read(5) == b"%PDF-"
    assert len(builds) == 2


@pytest.mark.parametrize(
    ("chromium", "failure", "reason"),
    [
        ("/nowhere/chromium", "", "Chromium is not installed on this server"),
        (None, "exit", "Chromium could not make the PDF on this server."),
        (None, "garbage", "Chromium could not make the PDF on this server."),
    ],
)
def test_when_the_pdf_cannot_be_made_the_teacher_is_told_why_and_sent_to_the_printable_page(
    client, settings, monkeypatch, chromium, failure, reason, caplog
):
    if chromium:
        settings.PAUSE_CHROMIUM = chromium
    monkeypatch.setenv("FAKE_CHROMIUM_FAIL", failure)
    response = client.get(reverse("quizzes:pack-pdf", args=["consent"]))
    assert response.status_code == 503
    page = response.content.decode()
    assert reason in page
    assert reverse("quizzes:pack", args=["consent"]) in page
    assert list(Path(settings.PAUSE_PACK_DIR).glob("*.pdf")) == []  # nothing half made is kept
    assert any(record.levelname == "ERROR" for record in caplog.records)


def test_build_packs_makes_every_module_once(builds, settings, capsys):
    copies = 2 * len(get_course().modules)  # each module's pack, and the teacher's copy with the answers
    call_command("build_packs")
    assert len(builds) == copies
    assert capsys.readouterr().out.count(": made ") == len(builds)
    call_command("build_packs")
    assert capsys.readouterr().out == ""  # quiet when there is nothing to do (make run calls it every time)
    assert len(builds) == copies, "a second run rebuilt packs already made"
    call_command("build_packs", "consent", "--force")
    assert len(builds) == copies + 2


def test_build_packs_refuses_an_unknown_module_and_reports_a_failed_build(settings, monkeypatch):
    with pytest.raises(CommandError, match="no such module: nope"):
        call_command("build_packs", "nope")
    monkeypatch.setenv("FAKE_CHROMIUM_FAIL", "exit")
    with pytest.raises(CommandError, match="could not be made"):
        call_command("build_packs", "consent")
