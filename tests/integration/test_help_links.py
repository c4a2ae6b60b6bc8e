"""Help links from lessons, law cards and quiz endings are plain links to /help/in/<region>/ (issue 13):
the reader's situation (the image's age) never goes in an address, so their history cannot show it."""

import re

import pytest

from tests.quiz_client import answer, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]

SITUATION_IN_A_LINK = re.compile(r'href="[^"]*(image_age=|/help/\?)')


def test_a_lessons_help_box_lists_each_region_as_a_plain_link(client):
    page = client.get("/modules/alpha/first-lesson/").content.decode()
    assert 'href="/help/in/testland/#services">Testland</a>' in page
    assert not SITUATION_IN_A_LINK.search(page)


def test_a_risky_story_endings_help_box_links_to_help_in_the_readers_region(client):
    client.post("/region/", {"region": "testland", "next": "/"})
    start(client)
    answer(client, pick=["Reply"])
    response, _ = answer(client, pick=["Send one"])
    feedback = client.get(response["Location"]).content.decode()
    assert 'href="/help/in/testland/#services">All help in Testland</a>' in feedback
    assert not SITUATION_IN_A_LINK.search(feedback)


def test_a_law_card_links_to_help_in_its_region(client):
    page = client.get("/law/testland/").content.decode()
    assert 'href="/help/in/testland/#services">Help and reporting in Testland</a>' in page
    assert not SITUATION_IN_A_LINK.search(page)


def test_help_in_a_region_shows_every_service_there_and_remembers_nothing(client):
    page = client.get("/help/in/testland/").content.decode()
    assert '<h2 id="services-heading">Help in Testland</h2>' in page  # no age assumed from a link
    assert "Young line" in page
    assert "Adult line" in page
    assert "pause.region" not in client.session  # a GET changes nothing


def test_help_in_a_region_still_shows_the_age_the_reader_just_answered(client):
    client.post("/help/", {"region": "otherland", "image_age": "under-18"})
    page = client.get("/help/in/testland/").content.decode()
    assert "Help in Testland, for an image of someone under 18" in page
    assert "Adult line" not in page


def test_help_in_an_unknown_region_is_not_found(client):
    response = client.get("/help/in/atlantis/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_help_in_a_region_is_only_read(client):
    assert client.post("/help/in/testland/").status_code == 405
