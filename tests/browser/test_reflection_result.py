"""D23: the quiz result shows the reflection's prompt and the note this tab kept, and no empty row without one."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_quiz_journey import MARKER, play

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_result_shows_the_kept_reflection_and_nothing_once_it_is_gone(site, page):
    requests = []
    page.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    quiz = play(page, site, "consent", risky=False)
    reflection = next(item for item in quiz.items if item.kind == "reflection")
    # What the reflection page keeps in this tab as the reader types (tested in test_quiz_journey.py);
    # set here, as play() may type before the page's deferred script listens.
    page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [f"pause:consent:{reflection.id}", MARKER])
    page.reload()
    section = page.get_by_role("region", name="Your reflection (private, not scored)")
    expect(section).to_be_visible()
    expect(section.locator("[data-reflection-text]")).to_have_text(MARKER)
    expect(section).to_contain_text(reflection.prompt_html.split(">", 1)[1].split("<", 1)[0][:40])
    assert not [url for url, body in requests if MARKER in url or MARKER in body]

    page.evaluate("() => sessionStorage.clear()")
    page.reload()
    expect(page.get_by_role("heading", name="How it went")).to_be_visible()
    expect(page.get_by_text("Your reflection (private, not scored)")).to_be_hidden()
    assert MARKER not in page.content()
