"""A lesson's chat reads in order with who said what, and it and a notification pass axe on a phone, light and dark."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

CHAT_LESSON = "/modules/bystanders/in-the-group-chat/"
NOTIFICATION_LESSON = "/modules/sextortion/how-sextortion-works/"
PHONE = {"width": 390, "height": 844}


def test_the_chat_reads_in_order_with_each_sender(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.url + CHAT_LESSON)
    chat = page.get_by_role("figure", name="Chat between Sofia and Arjun")
    expect(chat).to_be_visible()
    messages = chat.get_by_role("list").get_by_role("listitem")
    expect(messages).to_have_count(2)
    # What a screen reader reads, in order: who sent each message, then the words.
    assert [" ".join(item.text_content().split()) for item in messages.all()] == [
        "Sofia says: This is horrible. I've told my mum, and I'm telling school too.",
        "Arjun says: Same. I'll come with you.",
    ]
    snapshot = chat.aria_snapshot()
    assert snapshot.index("Sofia says: This is horrible.") < snapshot.index("Arjun says: Same.")
    # The names show; "says:" is for screen readers only (clipped to nothing on screen).
    expect(messages.locator(".chat-sender").first).to_contain_text("Sofia")
    for hidden in messages.locator(".chat-sender .visually-hidden").all():
        box = hidden.bounding_box()
        assert box is not None
        assert box["width"] <= 1
        assert box["height"] <= 1
    # The reader's side sits on the right, the other person's on the left.
    sofia, arjun = (item.locator(".chat-text").bounding_box() for item in messages.all())
    assert sofia["x"] + sofia["width"] > arjun["x"] + arjun["width"]
    assert arjun["x"] < sofia["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_notification_is_named_for_its_sender(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.url + NOTIFICATION_LESSON)
    notification = page.get_by_role("figure", name='Phone notification from "Lily"')
    expect(notification).to_contain_text("Pay $300 in gift cards in the next hour, or everyone sees this.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chat_and_notification_lessons_are_axe_clean_on_a_phone(site, new_page, scheme):
    page = new_page(color_scheme=scheme, viewport=PHONE)
    problems = {}
    for path in (CHAT_LESSON, NOTIFICATION_LESSON):
        page.goto(site.url + path)
        problems[path] = serious_axe_violations(page)
    assert {path: found for path, found in problems.items() if found} == {}


def test_on_paper_the_bubbles_are_plain_boxes_in_black(site, page):
    page.goto(site.url + CHAT_LESSON)
    page.emulate_media(media="print", color_scheme="dark")
    bubble = page.locator(".chat-you .chat-text")
    assert bubble.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert bubble.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert bubble.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
