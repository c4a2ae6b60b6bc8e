"""Stories you can see: ```chat and ```notification blocks in lesson Markdown.

A chat is one message a line, ``Name: text``; the reader's own side is marked
``Name (you): text``, and a sender the story does not name is ``Unknown:`` (announced as
"Message from someone you don't know") or ``Someone:`` ("Message from someone"). A notification is ``field: value`` lines: ``from`` and
``text`` are required, ``app`` and ``time`` optional. Both become plain,
accessible HTML (a labelled figure; a chat is an ordered list whose every
message announces its sender), built only from tags the sanitiser already
allows. Message text is escaped, never Markdown: a story shows words, not links.

A broken block never crashes a render: it is shown as its own text and
recorded as a :class:`BlockError`, which the content reader reports with file
and line (``content.E034``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from .errors import Code

KINDS = ("chat", "notification")
NOTIFICATION_FIELDS = ("app", "from", "time", "text")
REQUIRED_NOTIFICATION_FIELDS = ("from", "text")
MAX_NAME = 40
# Senders a story does not name: shown as written, announced as who they are to the reader.
UNNAMED = {"unknown": "someone you don't know", "someone": "someone"}

_CHAT_LINE = re.compile(r"^(?P<name>[^:()]+?)\s*(?P<you>\((?i:you)\))?\s*:\s*(?P<text>.*)$")
_FIELD_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True, slots=True)
class BlockError:
    kind: str  # "chat", "notification" or "check" (courses/practice.py)
    line: int  # 1-based line inside the block; 0 for the block as a whole
    message: str
    source: str  # the block's text, to find it again in the file
    code: Code = Code.BROKEN_STORY_BLOCK


class _Broken(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Message:
    sender: str
    text: str
    you: bool
    unnamed: str | None = None  # "Unknown:" or "Someone:": how a screen reader hears the sender

    @property
    def who(self) -> str:
        return self.unnamed or self.sender


def _lines(source: str) -> list[tuple[int, str]]:
    numbered = [(number, line.strip()) for number, line in enumerate(source.split("\n"), start=1)]
    return [(number, line) for number, line in numbered if line]


def parse_chat(source: str) -> list[Message]:
    lines = _lines(source)
    if not lines:
        raise _Broken(0, "the chat block is empty: write one message a line, 'Name: text'")
    messages = []
    for number, line in lines:
        match = _CHAT_LINE.match(line)
        if not match:
            raise _Broken(number, f"chat line '{line[:60]}' does not start with 'Name:' (or 'Name (you):')")
        name, text = match["name"].strip(), match["text"].strip()
        if len(name) > MAX_NAME:
            raise _Broken(number, f"chat sender name is longer than {MAX_NAME} characters")
        if not text:
            raise _Broken(number, f"chat message from '{name}' has no text")
        unnamed = None if match["you"] else UNNAMED.get(name.lower())
        messages.append(Message(sender=name, text=text, you=match["you"] is not None, unnamed=unnamed))
    return messages


def parse_notification(source: str) -> dict[str, str]:
    lines = _lines(source)
    if not lines:
        raise _Broken(0, "the notification block is empty: write 'from:' and 'text:' lines")
    fields: dict[str, str] = {}
    for number, line in lines:
        match = _FIELD_LINE.match(line)
        if not match:
            raise _Broken(number, f"notification line '{line[:60]}' is not 'field: value'")
        key, value = match["key"].lower(), match["value"].strip()
        if key not in NOTIFICATION_FIELDS:
            raise _Broken(number, f"unknown notification field '{key}' (known: {', '.join(NOTIFICATION_FIELDS)})")
        if key in fields:
            raise _Broken(number, f"notification field '{key}' is given twice")
        if not value:
            raise _Broken(number, f"notification field '{key}' is empty")
        fields[key] = value
    missing = [key for key in REQUIRED_NOTIFICATION_FIELDS if key not in fields]
    if missing:
        raise _Broken(0, f"the notification has no {' or '.join(repr(key) for key in missing)} field")
    return fields


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def chat_html(messages: list[Message]) -> str:
    people = list(dict.fromkeys(message.who for message in messages))
    label = f"Chat between {_and(people)}" if len(people) > 1 else f"Messages from {people[0]}"
    items = []
    for message in messages:
        side = " chat-you" if message.you else ""
        if message.unnamed:  # shown as written ("Unknown"), heard as "Message from someone you don't know:"
            sender = (
                f'<span class="chat-sender chat-unnamed"><span aria-hidden="true">{escape(message.sender)}</span>'
                f'<span class="visually-hidden">Message from {escape(message.unnamed)}:</span></span> '
            )
        else:
            sender = (
                f'<span class="chat-sender">{escape(message.sender)}<span class="visually-hidden"> says:</span></span> '
            )
        items.append(
            f'<li class="chat-message{side}">{sender}<span class="chat-text">{escape(message.text)}</span></li>'
        )
    return (
        f'<figure class="story-chat"><figcaption class="visually-hidden">{escape(label)}</figcaption>'
        f'<ol class="chat">{"".join(items)}</ol></figure>'
    )


def notification_html(fields: dict[str, str]) -> str:
    sender = escape(fields["from"])
    app = f'<span class="notification-app">{escape(fields["app"])}</span>' if "app" in fields else ""
    time = f'<span class="notification-time">{escape(fields["time"])}</span>' if "time" in fields else ""
    top = f'<p class="notification-top">{app}{" " if app and time else ""}{time}</p>' if app or time else ""
    return (
        f'<figure class="story-notification"><figcaption class="visually-hidden">'
        f"Phone notification from {sender}</figcaption>{top}"
        f'<p class="notification-from">{sender}</p>'
        f'<p class="notification-text">{escape(fields["text"])}</p></figure>'
    )


def render_block(kind: str, source: str) -> str:
    """The block's HTML; raises ``_Broken`` for a block an author must fix."""
    if kind == "chat":
        return chat_html(parse_chat(source))
    return notification_html(parse_notification(source))


def _format(source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any) -> str:
    # pymdownx.superfences' custom fence formatter. Errors go to md.story_block_errors,
    # which render_markdown resets before each text and hands back in Rendered.
    try:
        return render_block(language, source)
    except _Broken as broken:
        errors = getattr(md, "story_block_errors", None)
        if errors is not None:
            errors.append(BlockError(kind=language, line=broken.line, message=broken.message, source=source))
        return f'<pre class="story-broken"><code>{escape(source)}</code></pre>'


CUSTOM_FENCES = [{"name": kind, "class": kind, "format": _format} for kind in KINDS]

_FENCE_OPEN = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})\s*\{?\s*\.?(?P<kind>chat|notification|check)\b")


def locate(lines: list[str], error: BlockError) -> int:
    """The 0-based index in ``lines`` of the line the error is about (the fence for the whole block)."""

    def plain(line: str) -> str:  # without indentation or blockquote markers
        return line.strip(" \t>")

    wanted = [plain(line) for line in error.source.split("\n") if plain(line)]
    first_of_kind = None
    for index, line in enumerate(lines):
        opener = _FENCE_OPEN.match(line)
        if not opener or opener["kind"] != error.kind:
            continue
        if first_of_kind is None:
            first_of_kind = index
        close = opener["fence"]
        body = []
        for following in lines[index + 1 :]:
            text = plain(following)
            if text.startswith(close) and not text.strip(close[0]):
                break
            body.append(text)
        if [text for text in body if text] == wanted:
            return index + error.line
    return first_of_kind if first_of_kind is not None else 0
