"""core: the error pages, the health check, the hooks' links and what an error report leaves out."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.hooks import Link, account_links, module_links

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_course")]


@pytest.fixture
def raising(settings):
    settings.ROOT_URLCONF = "tests.integration.raising_urls"
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/test-only/bad/", 400, "We could not use that request"),
        ("/test-only/forbidden/", 403, "You can’t open this page"),
        ("/no-such-page/", 404, "We could not find that page"),
    ],
)
def test_each_error_page_says_what_happened_and_offers_help(raising, path, status, heading):
    response = raising.get(path)
    assert response.status_code == status
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "Quick exit" in page
    assert reverse("courses:help") in page
    assert [t.name for t in response.templates][0] in {"errors/error.html", "errors/404.html"}


def test_a_server_error_page_needs_nothing_that_might_be_broken(raising):
    response = raising.get("/test-only/boom/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"Quick exit" in response.content


def test_a_refused_csrf_check_is_logged_without_the_reader(caplog):
    with caplog.at_level(logging.WARNING):
        response = Client(enforce_csrf_checks=True).post("/region/", {"region": "testland"})
    assert response.status_code == 403
    assert b"Please try that again" in response.content
    assert any("CSRF" in record.getMessage() for record in caplog.records)
    assert all("127.0.0.1" not in record.getMessage() for record in caplog.records)


def test_healthz_is_cores_and_answers_ok(client):
    assert reverse("core:healthz") == "/healthz"
    assert client.get("/healthz").content == b"ok"


def test_the_account_menu_shows_the_registered_links_then_sign_in_or_out(client):
    def provider(request):
        return [Link("Your page", "/yours/")] if request.user.is_authenticated else [Link("For everyone", "/all/")]

    account_links.register(provider)
    try:
        visitor = client.get("/").content.decode()
        assert '<a href="/all/">For everyone</a>' in visitor
        assert "Your page" not in visitor
        assert visitor.index("For everyone") < visitor.index('href="/accounts/login/">Sign in')
        client.force_login(get_user_model().objects.create_user("menu-reader"))
        reader = client.get("/").content.decode()
        assert '<a href="/yours/">Your page</a>' in reader
        assert "Sign out" in reader
        assert "Sign in<" not in reader
    finally:
        account_links.unregister(provider)


def test_the_wide_and_phone_menus_show_the_same_own_links_and_signing_out_from_them_works():
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_user("two-menus"))
    page = client.get("/").content.decode()
    phone = page.split('<details class="site-menu', 1)[1].split("</details>", 1)[0]
    wide = page.split("account-links", 1)[1].split("</ul>", 1)[0]
    own = wide.split(">", 1)[1].strip()
    assert "Sign out" in own
    assert own in phone  # drawn once, shown in both
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', own).group(1)
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Sign in" in client.get("/").content.decode()


def test_module_links_show_on_the_module_page_and_after_its_last_lesson(client):
    def provider(module):
        return [Link("Try the toy", f"/toy/{module.id}/")]

    module_links.register(provider)
    try:
        assert 'href="/toy/alpha/">Try the toy</a>' in client.get("/modules/alpha/").content.decode()
        last = client.get(reverse("courses:lesson", args=["alpha", "second-lesson"])).content.decode()
        assert 'href="/toy/alpha/">Try the toy →</a>' in last
        assert "Back to the module" not in last
        first = client.get(reverse("courses:lesson", args=["alpha", "first-lesson"])).content.decode()
        assert "Try the toy" not in first  # a lesson with a next one links to it instead
    finally:
        module_links.unregister(provider)
    # The lesson nav is cached by the module's links too: once the provider is gone, so is its link.
    assert "Try the toy" not in client.get(reverse("courses:lesson", args=["alpha", "second-lesson"])).content.decode()


def test_an_error_mail_leaves_out_the_address_cookies_form_values_and_username(raising, settings):
    settings.ADMINS = [("Ops", "ops@school.example")]
    user = get_user_model().objects.create_user("maple-otter-27")
    raising.force_login(user)
    raising.cookies["private-cookie"] = "cookie-secret-value"
    response = raising.post(
        "/test-only/boom/",
        {"nickname": "Sam Private", "answer": "typed-words"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 500
    [message] = mail.outbox
    text = message.body + "".join(str(alternative[0]) for alternative in getattr(message, "alternatives", []))
    assert "RuntimeError" in text
    assert "/test-only/boom/" in text
    for private in ("203.0.113.9", "198.51.100.7", "cookie-secret-value", "Sam Private", "typed-words", "maple-otter"):
        assert private not in text, private
    assert f"user id {user.pk}" in text


def test_the_cached_site_nav_marks_the_page_the_reader_is_on(client):
    current = 'aria-current="page">{}</a>'
    assert current.format("The law") in client.get("/law/").content.decode()
    lesson = client.get(reverse("courses:lesson", args=["alpha", "first-lesson"])).content.decode()
    assert 'aria-current="page"' not in lesson.split("<main")[0]
    assert current.format("Modules") in client.get("/modules/").content.decode()
    assert current.format("The law") in client.get("/law/").content.decode()


def test_the_quick_exit_follows_its_setting_on_every_page(client, settings):
    for url in ("/", reverse("courses:lesson", args=["alpha", "first-lesson"])):
        client.get(url)
        settings.QUICK_EXIT_URL = "https://neutral.example/"
        assert 'href="https://neutral.example/"' in client.get(url).content.decode()
        settings.QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
