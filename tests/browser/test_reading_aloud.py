"""Read-aloud (the browser's own speech, stubbed here) and reading settings on lessons, guides and help."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NEUTRAL_SITE, serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

LESSON = "/modules/consent/take-send-share/"
GUIDE = "/guides/consent-for-parents/"
HELP = "/help/"

# A stand-in for window.speechSynthesis that records what the page asks of it.
FAKE_SPEECH = """
window.__speech = { spoken: [], calls: [], current: null };
window.SpeechSynthesisUtterance = function (text) { this.text = text; this.onend = null; };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speaking: false, paused: false,
  speak: function (u) { __speech.spoken.push(u.text); __speech.calls.push("speak"); __speech.current = u; },
  cancel: function () { __speech.calls.push("cancel"); if (window.noteCancel) { window.noteCancel(); } },
  pause: function () { __speech.calls.push("pause"); },
  resume: function () { __speech.calls.push("resume"); }
}});
"""

NO_SPEECH = """
delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: undefined });
Object.defineProperty(window, "SpeechSynthesisUtterance", { configurable: true, value: undefined });
"""


def speech(page):
    return page.evaluate("window.__speech")


@pytest.mark.parametrize("path", [LESSON, GUIDE, HELP])
def test_listen_reads_a_section_at_a_time_highlighted_with_pause_and_stop(site, page, path):
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + path)
    title = page.locator("h1").inner_text().strip()
    page.get_by_role("button", name="Listen").click()

    queued = speech(page)["spoken"]
    assert len(queued) == 1
    assert queued[0].startswith(title)
    assert "Reading settings" not in queued[0]
    assert "Listen" not in queued[0]
    headings = page.locator("[data-readable] h2")
    assert headings.first.inner_text().strip() not in queued[0]  # one section only
    expect(page.locator("h1")).to_have_class("reading-now")
    expect(page.locator("h1")).to_have_attribute("aria-current", "true")

    # When the first section ends, the next is read and highlighted instead.
    page.evaluate("window.__speech.current.onend()")
    queued = speech(page)["spoken"]
    assert len(queued) == 2
    assert queued[1].startswith(headings.first.inner_text().strip())
    expect(page.locator("[data-readable] .reading-now")).to_have_count(1)
    expect(headings.first).to_have_attribute("aria-current", "true")
    expect(page.locator("h1")).not_to_have_attribute("aria-current", "true")

    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Resume").click()
    assert speech(page)["calls"][-2:] == ["pause", "resume"]

    page.get_by_role("button", name="Stop").click()
    assert speech(page)["calls"][-1] == "cancel"
    expect(page.locator(".reading-now")).to_have_count(0)
    expect(page.get_by_role("button", name="Listen")).to_be_focused()
    expect(page.get_by_role("button", name="Pause")).to_be_hidden()


def test_quick_exit_cancels_speech(site, page):
    cancels: list[int] = []
    page.expose_function("noteCancel", lambda: cancels.append(1))
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + LESSON)
    page.get_by_role("button", name="Listen").click()
    expect(page.locator(".reading-now")).to_have_count(1)
    before = len(cancels)
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(NEUTRAL_SITE)
    assert len(cancels) > before


def test_without_speech_there_is_no_listen_button(site, page):
    page.add_init_script(NO_SPEECH)
    page.goto(site.url + LESSON)
    expect(page.locator("summary", has_text="Reading settings")).to_be_visible()
    expect(page.get_by_role("button", name="Listen")).to_have_count(0)


def body_text_style(page):
    return page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.lesson-body p'));
        return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), font: s.fontFamily}; }"""
    )


def test_reading_settings_change_the_text_and_persist_by_keyboard(site, page):
    page.goto(site.url + LESSON)
    plain = body_text_style(page)

    page.locator("summary", has_text="Reading settings").focus()
    page.keyboard.press("Enter")
    size = page.get_by_role("group", name="Text size")
    size.get_by_label("Standard").focus()
    page.keyboard.press("ArrowRight")  # Large
    page.keyboard.press("ArrowRight")  # Larger
    expect(size.get_by_label("Larger")).to_be_checked()
    page.get_by_role("group", name="Line spacing").get_by_label("Wide").check()
    page.get_by_label("Easier-to-read font").focus()
    page.keyboard.press("Space")

    changed = body_text_style(page)
    assert changed["size"] == pytest.approx(plain["size"] * 1.25, abs=0.1)
    assert changed["line"] == pytest.approx(changed["size"] * 1.9, abs=0.5)
    assert changed["line"] / changed["size"] > plain["line"] / plain["size"] + 0.2
    assert "Verdana" in changed["font"]

    page.reload()
    assert body_text_style(page) == changed
    page.locator("summary", has_text="Reading settings").click()
    expect(page.get_by_role("group", name="Text size").get_by_label("Larger")).to_be_checked()
    expect(page.get_by_label("Easier-to-read font")).to_be_checked()

    page.get_by_role("button", name="Reset").click()
    assert body_text_style(page) == plain
    page.reload()
    assert body_text_style(page) == plain


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reading_tools_at_their_largest_pass_axe_and_fit_a_phone(site, browser, scheme):
    # Reduced motion: axe must not catch a button halfway through Bootstrap's colour transition.
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    site.keep_on_site(context)
    context.add_init_script(FAKE_SPEECH)
    context.add_init_script(
        "localStorage.setItem('pause-reading', JSON.stringify({size: '2', spacing: '1', font: '1'}))"
    )
    page = context.new_page()
    for path in (LESSON, GUIDE, HELP):
        page.goto(site.url + path)
        page.locator("summary", has_text="Reading settings").click()
        page.get_by_role("button", name="Listen").click()
        expect(page.locator(".reading-now")).to_have_count(1)
        assert serious_axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    context.close()
    assert site.offsite == []
