"""```chat and ```notification blocks: accessible HTML, or a content error an author can act on."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.markdown import ALLOWED_TAGS, render_markdown, sanitize
from courses.story_blocks import BlockError, locate

CHAT = """Before.

```chat
Sam: hey, you up?
Alex (you): yeah why
Sam: send me a pic 😉
```
"""

NOTIFICATION = """```notification
app: Messages
from: Unknown number
time: now
text: I have your photos. Pay or I post them.
```
"""


class _Text(HTMLParser):
    """The text a screen reader reads, in order, and every tag used."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text.append(data)


def _read(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_a_chat_is_a_labelled_list_whose_messages_say_who_sent_them():
    rendered = render_markdown(CHAT)
    assert rendered.block_errors == ()
    html = rendered.html
    assert '<figcaption class="visually-hidden">Chat between Sam and Alex</figcaption>' in html
    assert html.count('<li class="chat-message') == 3
    read = " ".join(" ".join(_read(html).text).split())
    assert "Sam says: hey, you up? Alex says: yeah why Sam says: send me a pic 😉" in read


def test_the_readers_own_messages_sit_on_the_other_side():
    html = render_markdown(CHAT).html
    assert html.count('class="chat-message chat-you"') == 1
    assert '<li class="chat-message chat-you"><span class="chat-sender">Alex<' in html


def test_a_chat_with_one_sender_is_named_for_them():
    html = render_markdown("```chat\nRuby: Hey, you're in the chess club, right?\n```").html
    assert "Messages from Ruby</figcaption>" in html


def test_a_notification_is_a_figure_named_for_its_sender():
    rendered = render_markdown(NOTIFICATION)
    assert rendered.block_errors == ()
    assert '<figcaption class="visually-hidden">Phone notification from Unknown number</figcaption>' in rendered.html
    assert '<p class="notification-from">Unknown number</p>' in rendered.html
    assert '<p class="notification-text">I have your photos. Pay or I post them.</p>' in rendered.html
    assert '<span class="notification-app">Messages</span>' in rendered.html


def test_the_blocks_need_nothing_the_sanitiser_does_not_already_allow():
    for text in (CHAT, NOTIFICATION):
        html = render_markdown(text).html
        assert sanitize(html) == html
        assert _read(html).tags <= ALLOWED_TAGS
        assert "<img" not in html


def test_message_text_is_shown_as_written_never_as_markup():
    html = render_markdown("```chat\nSam: <script>alert(1)</script> [x](https://e.example) *hi*\n```").html
    assert "<script" not in html
    assert "<a" not in html
    assert "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [x](https://e.example) *hi*" in html


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("```chat\n```", 0, "empty"),
        ("```chat\n\n   \n```", 0, "empty"),
        ("```chat\nSam: hi\njust words\n```", 2, "does not start with 'Name:'"),
        ("```chat\nSam:\n```", 1, "has no text"),
        ("```chat\n" + "S" * 41 + ": hi\n```", 1, "longer than 40"),
        ("```notification\n```", 0, "empty"),
        ("```notification\nfrom: Leon\ncolour: red\ntext: hi\n```", 2, "unknown notification field 'colour'"),
        ("```notification\nfrom: Leon\nfrom: Sam\ntext: hi\n```", 2, "given twice"),
        ("```notification\nfrom: Leon\ntext:\n```", 2, "is empty"),
        ("```notification\napp: Messages\nfrom: Leon\n```", 0, "no 'text' field"),
        ("```notification\njust words\n```", 1, "is not 'field: value'"),
    ],
)
def test_a_broken_block_is_an_error_at_its_line(text, line, says):
    rendered = render_markdown(text)
    [error] = rendered.block_errors
    assert error.line == line
    assert says in error.message
    assert "story-broken" in rendered.html  # shown as text, never half a chat


def test_errors_do_not_leak_from_one_render_to_the_next():
    assert render_markdown("```chat\n```").block_errors
    assert render_markdown(CHAT).block_errors == ()


def test_an_error_is_found_again_in_the_file_even_after_an_identical_good_block():
    body = "```chat\nSam: hi\n```\n\ntext\n\n```chat\nSam: hi\noops\n```\n"
    [error] = render_markdown(body).block_errors
    assert locate(body.split("\n"), error) == 8  # the line 'oops', 0-based


def test_an_error_inside_an_admonition_is_found_too():
    body = '!!! note "A chat"\n\n    ```chat\n    Sam: hi\n    oops\n    ```\n'
    [error] = render_markdown(body).block_errors
    assert locate(body.split("\n"), error) == 4


def test_locate_falls_back_to_the_first_fence_of_the_kind():
    error = BlockError(kind="chat", line=3, message="m", source="not in the file")
    assert locate(["text", "```chat", "Sam: hi", "```"], error) == 1
    assert locate(["text"], error) == 0


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["chat", "notification"]), body=st.text(max_size=200))
def test_odd_input_never_crashes_it_is_html_or_an_error(kind, body):
    body = body.replace("`", "'")  # a backtick fence inside would end the block early: a different test
    rendered = render_markdown(f"```{kind}\n{body}\n```\n")
    if rendered.block_errors:
        assert "story-broken" in rendered.html
        for error in rendered.block_errors:
            assert error.kind == kind
            assert error.message
    else:
        assert f'class="story-{kind}"' in rendered.html
    assert sanitize(rendered.html) == rendered.html


def test_an_unnamed_sender_is_shown_as_written_and_announced_as_who_they_are():
    rendered = render_markdown("```chat\nUnknown: Send me a pic.\nSomeone: lol\nAlex (you): No.\n```")
    assert rendered.block_errors == ()
    html = rendered.html
    assert "Chat between someone you don't know, someone and Alex" in html
    assert (
        '<span aria-hidden="true">Unknown</span><span class="visually-hidden">Message from someone you don'
        "'t know:</span>" in html
    )
    assert '<span aria-hidden="true">Someone</span><span class="visually-hidden">Message from someone:</span>' in html
    assert 'Alex<span class="visually-hidden"> says:</span>' in html  # a named sender is unchanged
    assert sanitize(html) == html
