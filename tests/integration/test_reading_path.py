"""The reading path through Django's test client, on the small fixture course."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_script_prefix
from django.urls import reverse

from courses.models import LessonProgress

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


def lesson_url(lesson="first-lesson"):
    return reverse("courses:lesson", args=["alpha", lesson])


def done_url(lesson="first-lesson"):
    return reverse("courses:lesson-done", args=["alpha", lesson])


@pytest.mark.parametrize(
    "url",
    ["/", "/modules/", "/modules/?age=11-13", "/modules/alpha/", "/modules/alpha/first-lesson/",
     "/modules/alpha/teacher-notes/", "/guides/", "/guides/for-parents/", "/help/", "/help/?region=testland",
     "/law/", "/law/testland/", "/accounts/login/"],
)  # fmt: skip
def test_every_reading_page_works_for_a_visitor(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b"Quick exit" in response.content
    assert b"Need help now?" in response.content


@pytest.mark.parametrize(
    "url",
    ["/modules/nope/", "/modules/alpha/nope/", "/modules/nope/first-lesson/", "/guides/nope/", "/law/nope/",
     "/law/otherland/", "/no-such-page/"],
)  # fmt: skip
def test_unknown_things_get_a_friendly_404_that_still_offers_help(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert reverse("courses:help").encode() in response.content


def test_healthz_says_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.content == b"ok"


def test_the_catalogue_shows_every_module_with_its_youngest_age_and_no_filter(client):
    """Review D22: no age filter that hid too little and needed a "Show" click; a badge on each module."""
    page = client.get("/modules/").content.decode()
    assert '<span class="badge age-badge">Ages 11+</span>' in page
    assert 'name="age"' not in page
    for old_address in ("/modules/?age=11-13", "/modules/?age=14-18", "/modules/?age=unknown-band"):
        assert "1. Alpha" in client.get(old_address).content.decode()  # an old link still shows everything


def test_the_lesson_page_shows_the_content_note_objectives_and_neighbours(client):
    page = client.get(lesson_url("second-lesson")).content.decode()
    assert "This lesson is about threats." in page  # the lesson's own note wins over the module's
    assert "Know the second thing." in page
    assert 'rel="prev"' in page
    assert 'rel="next"' not in page
    first = client.get(lesson_url()).content.decode()
    assert "This module talks about pressure." in first


def test_a_visitors_lesson_page_makes_no_database_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get(lesson_url()).status_code == 200


def test_a_visitor_marks_lessons_done_and_the_progress_moves(client):
    assert b"0 of 2 lessons done" in client.get("/modules/alpha/").content
    response = client.post(done_url())
    assert response.status_code == 302
    assert response["Location"] == lesson_url("second-lesson")
    module_page = client.get("/modules/alpha/").content
    assert b"1 of 2 lessons done" in module_page
    client.post(done_url())  # a double click changes nothing
    assert b"1 of 2 lessons done" in client.get("/modules/alpha/").content
    assert client.post(done_url("second-lesson"))["Location"] == "/modules/alpha/quiz/"  # the last lesson: the quiz
    assert b"2 of 2 lessons done" in client.get("/modules/").content


def test_mark_done_by_get_changes_nothing_and_shows_the_lesson(client):
    response = client.get(done_url())
    assert response["Location"] == lesson_url()
    assert b"0 of 2 lessons done" in client.get("/modules/alpha/").content


def test_mark_done_needs_a_csrf_token():
    response = Client(enforce_csrf_checks=True).post(done_url())
    assert response.status_code == 403
    assert b"Please try that again" in response.content


def test_a_signed_in_readers_progress_is_stored_once_per_lesson(client):
    user = get_user_model().objects.create_user("reader", password="pw-long-enough-123")
    client.force_login(user)
    client.post(done_url())
    client.post(done_url())
    assert LessonProgress.objects.filter(user=user).count() == 1
    row = LessonProgress.objects.get(user=user)
    assert (row.module_id, row.lesson_id, len(row.content_hash)) == ("alpha", "first-lesson", 16)
    assert b"1 of 2 lessons done" in client.get("/modules/alpha/").content


def test_a_visitors_progress_is_kept_when_they_sign_in(client):
    get_user_model().objects.create_user("student-1", password="pw-long-enough-123")
    client.post(done_url())
    response = client.post("/accounts/login/", {"username": "student-1", "password": "pw-long-enough-123"})
    assert response.status_code == 302
    assert list(LessonProgress.objects.values_list("lesson_id", flat=True)) == ["first-lesson"]
    assert b"1 of 2 lessons done" in client.get("/modules/alpha/").content


def test_help_shows_the_services_for_the_region_and_age_in_the_image(client):
    page = client.get("/help/?region=testland&image_age=under-18").content.decode()
    assert "Young line" in page
    assert "Crisis line" in page
    assert "Adult line" not in page
    assert "If the image is of an adult" not in page
    # The order the lessons teach: danger, someone to talk to, reporting, then taking it down.
    places = [page.index(f'id="service-{place}"') for place in ("danger-emergency", "talk-talk-line", "talk-crisis",
              "report-report-line", "take-down-young-line")]  # fmt: skip
    assert places == sorted(places)
    assert 'If someone is in danger right now, call <a href="tel:999">999</a>' in page
    assert "The image never leaves your device" in page
    assert "There is no such service in Testland yet" in page  # a required kind the brief has none for
    adult = client.get("/help/?region=testland&image_age=adult").content.decode()
    assert "Adult line" in adult
    assert "Young line" not in adult
    unsure = client.get("/help/?region=testland").content.decode()
    assert "Adult line" in unsure
    assert "Young line" in unsure


def test_help_form_answers_stay_out_of_the_address(client):
    response = client.post("/help/", {"region": "testland", "image_age": "adult"})
    assert response.status_code == 302
    assert response["Location"] == "/help/#services"  # no region, no age: nothing for the history
    assert "testland" not in response["Location"]
    assert "adult" not in response["Location"]
    assert client.session["pause.region"] == "testland"
    results = client.get("/help/").content.decode()
    assert "for an image of someone 18 or over" in results  # the answered age picks the services
    assert "Adult line" in results
    # The age is shown once, then forgotten: the next visitor to /help/ on this browser does not see it.
    again = client.get("/help/").content.decode()
    assert "for an image of someone" not in again
    assert "Help in Testland" in again  # the region is still remembered, as before


def test_help_form_answers_under_18_then_shows_only_those_services(client):
    client.post("/help/", {"region": "testland", "image_age": "under-18"})
    results = client.get("/help/").content.decode()
    assert "for an image of someone under 18" in results
    assert "Young line" in results
    assert "Adult line" not in results


def test_help_form_with_a_bad_region_re_renders_with_an_error(client):
    response = client.post("/help/", {"region": "atlantis"})
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content
    assert "pause.region" not in client.session


def test_help_for_a_region_without_services_still_gives_first_steps(client):
    page = client.get("/help/?region=otherland").content.decode()
    assert "We don’t list services for Otherland yet" in page
    assert "Stop replying" in page


def test_the_help_page_gives_the_first_steps_in_the_course_order(client, fixture_course):
    page = client.get("/help/").content.decode()
    places = [page.index(f'id="step-{step.id}"') for step in fixture_course.first_steps]
    assert places == sorted(places)
    assert len(places) == 3
    assert page.index('id="step-tell"') < page.index('id="step-save"')  # a trusted adult early, never last
    # Before a region is chosen, every region's emergency number is on the page.
    assert 'Testland <a href="tel:999">999</a>' in page


def test_the_law_card_cites_sources_and_is_marked_general_information(client):
    page = client.get("/law/testland/").content.decode()
    assert "General information, not legal advice." in page
    assert 'href="https://example.org/act"' in page
    assert "The Example Organisation" in page  # the publisher, from publishers.yaml
    assert "1 November 2026" in page


def test_the_law_card_opens_with_what_it_means_for_you_and_marks_what_is_not_confirmed(client):
    page = client.get("/law/testland/").content.decode()
    assert page.index("What this means for you") < page.index("General information, not legal advice.")
    assert 'id="for-you"' in page
    assert page.index("Age of consent") < page.index("Having an image") < page.index("What schools must do")
    assert "Not yet confirmed" in page
    assert "A new law on fakes of adults is reported" in page


def test_remembering_a_region_marks_it_on_the_law_page(client):
    response = client.post("/region/", {"region": "testland", "next": "/law/"})
    assert response["Location"] == "/law/"
    assert "Your region" in client.get("/law/").content.decode()


def test_remember_my_region_on_the_law_list_opens_its_card_and_says_so(client):
    """Review D18: the list's form carries no "next", so the chosen card opens with a confirmation."""
    page = client.get("/law/").content.decode()
    assert 'name="next"' in page
    assert 'name="next" value=' not in page
    response = client.post("/region/", {"region": "testland", "next": ""}, follow=True)
    assert response.redirect_chain == [("/law/testland/", 302)]
    assert "We’ll remember Testland on this device until you close the browser." in response.content.decode()
    assert "Your region" in client.get("/law/").content.decode()


def test_an_unknown_region_is_refused_with_a_message_and_nothing_remembered(client):
    response = client.post("/region/", {"region": "atlantis"}, follow=True)
    assert response.redirect_chain == [("/law/", 302)]
    assert "Please choose one of the regions listed." in response.content.decode()
    assert '<span class="badge text-bg-secondary">Your region</span>' not in response.content.decode()


def test_region_redirect_refuses_other_sites(client):
    response = client.post("/region/", {"region": "testland", "next": "https://evil.example/"})
    assert response["Location"] == "/law/testland/"


def test_no_page_carries_inline_script_style_or_handlers(client):
    import re

    for url in [
        "/",
        "/modules/alpha/first-lesson/",
        "/help/?region=testland",
        "/law/testland/",
        "/guides/for-parents/",
    ]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), url


def test_quick_exit_points_at_the_neutral_site_setting(client, settings):
    settings.QUICK_EXIT_URL = "https://neutral.example/"
    assert b'href="https://neutral.example/"' in client.get("/").content


def test_the_cached_lesson_text_leaves_each_reader_their_own_state(client):
    other = Client()
    assert b"Mark as done" in other.get(lesson_url()).content  # the lesson text is now cached
    response = client.post(done_url(), follow=True)
    assert "“The first lesson” is marked as done." in response.content.decode()  # the message, on lesson 2
    assert b"You have finished this lesson." in client.get(lesson_url()).content
    assert b"Mark as done" in other.get(lesson_url()).content
    assert b"You have finished this lesson." not in other.get(lesson_url()).content


def test_a_signed_in_reader_sees_sign_out_on_the_lesson_page(client):
    user = get_user_model().objects.create_user("reader2", password="pw-long-enough-123")
    assert b"Sign in" in client.get(lesson_url()).content
    client.force_login(user)
    page = client.get(lesson_url()).content.decode()
    assert "Sign out" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_lesson_can_show_the_law_card_of_the_readers_region(client):
    page = client.get(lesson_url("second-lesson")).content.decode()
    assert "Choose your region to see a summary of its law" in page
    assert 'href="/law/testland/"' in page
    client.post("/region/", {"region": "testland", "next": lesson_url("second-lesson")})
    page = client.get(lesson_url("second-lesson")).content.decode()
    assert "The law in Testland" in page
    assert "It is <strong>16</strong>." in page
    assert "The law in Testland" not in Client().get(lesson_url("second-lesson")).content.decode()
    assert "The law in" not in client.get(lesson_url()).content.decode()  # only where the lesson asks for it


DONE_FORM = re.compile(
    r'<form method="post" action="([^"]+)" class="mt-2"><input type="hidden" name="csrfmiddlewaretoken"'
)


@pytest.mark.parametrize("prefix", ["", "/pause"])
def test_mark_as_done_posts_to_the_lessons_done_address_from_the_lesson_and_from_an_answered_check(prefix):
    """The form's address is the lesson's own plus done/ (courses/views.py), under a sub-path too.

    A WSGI server sets the script prefix from SCRIPT_NAME; the test client does not, so this does.
    """
    client = Client(SCRIPT_NAME=prefix)
    lesson, check = lesson_url(), reverse("courses:lesson-check", args=["alpha", "first-lesson"])  # below the prefix
    with override_script_prefix(prefix + "/"):
        done = done_url()
        pages = [client.get(lesson), client.post(check, {"check": "whose-fault", "answer": "sharer"})]
    assert done == prefix + "/modules/alpha/first-lesson/done/"
    for page in pages:
        assert page.status_code == 200
        form = DONE_FORM.search(page.content.decode())
        assert form
        assert form[1] == done
    assert client.post(done_url()).status_code == 302
    assert b"You have finished this lesson." in client.get(lesson_url()).content
