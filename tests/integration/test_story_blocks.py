"""Lessons show their conversations as chats and their threats as phone notifications, labelled for everyone."""

import re

import pytest

from tools.text import plain_text

pytestmark = pytest.mark.django_db


def _lesson(client, module, lesson):
    response = client.get(f"/modules/{module}/{lesson}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_group_chat_lesson_shows_sofia_and_arjuns_chat_in_order(client):
    page = _lesson(client, "bystanders", "in-the-group-chat")
    chat = re.search(
        r'<figure class="story-chat"><figcaption class="visually-hidden">Chat between Sofia.*?</figure>', page, re.S
    )
    assert chat, "the lesson's chat is rendered as a chat block"
    assert '<figcaption class="visually-hidden">Chat between Sofia and Arjun</figcaption>' in chat[0]
    assert plain_text(chat[0]) == (
        "Chat between Sofia and Arjun. "
        "Sofia says: This is horrible. I've told my mum, and I'm telling school too. "
        "Arjun says: Same. I'll come with you."
    )
    assert chat[0].count('class="chat-message chat-you"') == 1  # Sofia's side


def test_the_sextortion_lesson_shows_the_threat_as_a_phone_notification(client):
    page = _lesson(client, "sextortion", "how-sextortion-works")
    notification = re.search(r'<figure class="story-notification">.*?</figure>', page, re.S)
    assert notification
    assert 'Phone notification from "Lily"</figcaption>' in notification[0]
    assert "Pay $300 in gift cards in the next hour, or everyone sees this." in notification[0]


def test_no_lesson_shows_a_broken_block(client):
    for module, lesson in [
        ("consent", "pressure-and-saying-no"),
        ("healthy-relationships", "looking-after-yourself"),
        ("sextortion", "spotting-the-signs"),
    ]:
        page = _lesson(client, module, lesson)
        assert "story-broken" not in page
        assert re.search(r'<figure class="story-(chat|notification)">', page), lesson


@pytest.mark.parametrize(
    ("module", "lesson", "label", "heard"),
    [
        ("ai-and-deepfakes", "if-it-happens-to-you", "Messages from someone you don't know",
         "Message from someone you don't know: Pay £100 in gift cards in one hour, or I send this to everyone on your team."),
        ("bystanders", "unwanted-nudes", "Messages from someone you don't know",
         "Message from someone you don't know: Your turn."),
        (
            "bystanders",
            "in-the-group-chat",
            "Messages from someone",
            "Message from someone: NO WAY. Message from someone: send it to the other chat. "
            "Message from someone: who's got the other one?",
        ),
    ],
)  # fmt: skip
def test_a_message_from_an_unnamed_sender_is_a_chat_announced_by_who_they_are(client, module, lesson, label, heard):
    page = _lesson(client, module, lesson)
    chat = re.search(
        rf'<figure class="story-chat"><figcaption class="visually-hidden">{re.escape(label)}</figcaption>.*?</figure>',
        page.replace("&#x27;", "'"),
        re.S,
    )
    assert chat, label
    hidden_name = re.compile(r'<span aria-hidden="true">[^<]*</span>')  # "Unknown" or "Someone": seen, not heard
    assert plain_text(hidden_name.sub("", chat[0])) == f"{label}. {heard}"
