"""Privacy on a shared device (review D16): the help form's answers never reach the address, and a
short page says what Quick exit does not do, linked from the help page and from every page's bar."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


def test_the_help_form_posts_its_answers_and_redirects_without_them(client):
    form = client.get("/help/").content.decode()
    assert '<form method="post" action="/help/"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    response = client.post("/help/", {"region": "testland", "image_age": "under-18"})
    assert response.status_code == 302
    location = response["Location"]
    assert "?" not in location
    assert "testland" not in location
    assert "under-18" not in location
    results = client.get(location)
    assert "Help in Testland, for an image of someone under 18" in results.content.decode()
    assert "testland" not in results.request["PATH_INFO"] + results.request.get("QUERY_STRING", "")


def test_the_help_form_checks_the_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/help/", {"region": "testland", "image_age": "adult"})
    assert response.status_code == 403


def test_the_staying_private_page_says_quick_exit_keeps_the_history(client):
    page = client.get("/help/private/").content.decode()
    assert "<h1>Staying private on a shared device</h1>" in page
    assert "Quick exit does not clear your history" in page
    assert "private window" in page
    assert 'id="quick-exit"' in page


@pytest.mark.parametrize("path", ["/", "/help/", "/modules/"])
def test_every_page_links_to_it_beside_the_quick_exit(client, path):
    page = client.get(path).content.decode()
    start = page.index('aria-label="Quick exit"')
    bar = page[start : page.index("</nav>", start)]
    assert 'href="/help/private/"' in bar


def test_the_help_page_links_to_it(client):
    page = client.get("/help/").content.decode()
    assert "how to stay private on a shared device</a>" in page
