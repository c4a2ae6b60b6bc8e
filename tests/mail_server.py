"""A real SMTP server on loopback (aiosmtpd), for tests that send email the way production does.

The ``smtp_inbox`` fixture (tests/conftest.py) starts one on a free port and points Django's SMTP
backend at it; each message the site sends arrives in the inbox as an ``email.message.Message``.
It runs in the test process, so it catches mail from the test client and from the browser tests'
live server (a thread of the same process) alike.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if address in str(message["To"])]

    @staticmethod
    def body(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())

    def link(self, message: EmailMessage, contains: str) -> str:
        """The path of the one link in the message whose URL contains ``contains``."""
        links = [url for url in LINK.findall(self.body(message)) if contains in url]
        assert len(links) == 1, links
        return urlsplit(links[0]).path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()
