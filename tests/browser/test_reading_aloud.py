"""Read-aloud (the browser's own speech, stubbed here) and reading settings on lessons, guides and help."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NEUTRAL_SITE, serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

LESSON = "/modules/consent/take-send-share/"
GUIDE = "/guides/consent-for-parents/"
HELP = "/help/"
CHAT_LESSON = "/modules/consent/pressure-and-saying-no/"

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


def highlighted(page) -> str:
    return page.evaluate("(document.querySelector('.reading-now') || {}).textContent || ''").strip()


def end_chunk(page) -> None:
    """The browser finishes speaking the current chunk."""
    page.evaluate("window.__speech.current.onend()")


def read_section(page) -> list[str]:
    """Let the highlighted section play to its end: the chunks it queued, one at a time, in order."""
    heading = highlighted(page)
    chunks = [speech(page)["spoken"][-1]]
    for _ in range(200):
        handed = len(speech(page)["spoken"])
        end_chunk(page)
        if highlighted(page) != heading:
            return chunks
        spoken = speech(page)["spoken"]
        assert len(spoken) == handed + 1, "one chunk handed over at a time, when the last one ends"
        chunks.append(spoken[-1])
    raise AssertionError(f"section {heading!r} never ended")


def read_everything(page) -> list[list[str]]:
    sections = []
    while highlighted(page):
        sections.append(read_section(page))
    return sections


@pytest.mark.parametrize("path", [LESSON, GUIDE, HELP])
def test_listen_reads_each_section_in_sentence_chunks_highlighted_in_turn(site, page, path):
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + path)
    title = page.locator("h1").inner_text().strip()
    headings = page.locator("[data-readable] h2")
    first_h2 = headings.first.inner_text().strip()
    page.get_by_role("button", name="Listen").click()

    assert speech(page)["spoken"] == [title]  # the heading first, on its own
    expect(page.locator("h1")).to_have_class("reading-now")
    expect(page.locator("h1")).to_have_attribute("aria-current", "true")

    opening = read_section(page)  # the h1 stays highlighted while its chunks play
    assert len(opening) > 1
    assert first_h2 not in opening  # one section only
    # The next section: its heading is spoken and highlighted instead.
    assert speech(page)["spoken"][-1] == first_h2
    expect(page.locator("[data-readable] .reading-now")).to_have_count(1)
    expect(headings.first).to_have_attribute("aria-current", "true")
    expect(page.locator("h1")).not_to_have_attribute("aria-current", "true")

    sections = [opening, *read_everything(page)]
    chunks = [chunk for section in sections for chunk in section]
    assert len(sections) >= 2
    assert max(len(section) for section in sections) >= 3  # a long section is no longer one utterance
    assert max(len(chunk) for chunk in chunks) <= 400  # whole sentences, a few at a time
    for control in ("Listen", "Pause", "Stop", "Quick exit", "Menu"):  # buttons and links of the page's chrome
        assert control not in chunks, control
    for words in ("Reading settings", "Text size", "Easier-to-read font", "Need to leave fast", "Skip to main"):
        assert not any(words in chunk for chunk in chunks), words
    # At the end the controls return to Listen and nothing is highlighted.
    expect(page.get_by_role("button", name="Listen")).to_be_visible()
    expect(page.locator(".reading-now")).to_have_count(0)


def test_listen_skips_the_help_forms_questions_options_and_button(site, page):
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + HELP)
    page.get_by_role("button", name="Listen").click()
    chunks = [chunk for section in read_everything(page) for chunk in section]
    text = " ".join(chunks)
    assert "it is not your fault" in text  # the page's own words are read
    assert "Find the right help" in chunks  # and the heading above the form
    for form_text in ("Choose a region", "Where are you?", "How old was the person", "Not sure", "18 or over",
                      "Show help"):  # fmt: skip
        assert form_text not in text, form_text


def test_a_chat_is_read_a_message_at_a_time_with_who_is_speaking(site, page):
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + CHAT_LESSON)
    message = page.locator(".story-chat .chat-message").first
    sender = message.locator(".chat-sender").evaluate("node => node.firstChild.textContent").strip()
    words = message.locator(".chat-text").inner_text().strip()
    page.get_by_role("button", name="Listen").click()
    chunks = [chunk for section in read_everything(page) for chunk in section]
    assert f"{sender} says: {words}" in chunks


def test_pause_resume_and_stop_work_between_chunks(site, page):
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + LESSON)
    title = page.locator("h1").inner_text().strip()
    page.get_by_role("button", name="Listen").click()
    end_chunk(page)  # now the second chunk of the opening section (heading, content note, its help line)
    assert len(speech(page)["spoken"]) == 2
    page.get_by_role("button", name="Pause").click()
    assert speech(page)["calls"][-1] == "pause"
    expect(page.locator("h1")).to_have_class("reading-now")  # still the section being read
    page.get_by_role("button", name="Resume").click()
    assert speech(page)["calls"][-1] == "resume"
    end_chunk(page)  # after Resume the queue goes on where it was
    assert len(speech(page)["spoken"]) == 3
    expect(page.locator("h1")).to_have_class("reading-now")

    page.get_by_role("button", name="Stop").click()
    assert speech(page)["calls"][-1] == "cancel"
    end_chunk(page)  # a cancelled chunk's late "end" queues nothing more
    assert len(speech(page)["spoken"]) == 3
    expect(page.locator(".reading-now")).to_have_count(0)
    expect(page.get_by_role("button", name="Listen")).to_be_focused()
    expect(page.get_by_role("button", name="Pause")).to_be_hidden()

    # Stopped while paused: the browser is un-paused, and Listen starts again from the top.
    page.get_by_role("button", name="Listen").click()
    page.get_by_role("button", name="Pause").click()
    page.get_by_role("button", name="Stop").click()
    assert speech(page)["calls"][-2:] == ["cancel", "resume"]
    page.get_by_role("button", name="Listen").click()
    assert speech(page)["spoken"][-1] == title
    expect(page.get_by_role("button", name="Pause")).to_have_text("Pause")


def test_quick_exit_cancels_speech_between_chunks(site, page):
    site.fake_neutral_site()
    cancels: list[int] = []
    page.expose_function("noteCancel", lambda: cancels.append(1))
    page.add_init_script(FAKE_SPEECH)
    page.goto(site.url + LESSON)
    page.get_by_role("button", name="Listen").click()
    end_chunk(page)
    end_chunk(page)
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
