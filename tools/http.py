"""A reader's browser for loopback servers: keeps cookies, fills in a quiz question.

``Browser(port)`` opens a new connection per request, so a killed worker costs one request;
``Browser(port, keep_alive=True)`` keeps one connection, as the benchmarks measure.
"""

from __future__ import annotations

import http.client
import random
import re
import time
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlencode

Fields = dict[str, str | list[str]]


class Reply(NamedTuple):
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode()


class Browser:
    def __init__(self, port: int, *, keep_alive: bool = False, timeout: float = 10):
        self.port = port
        self.keep_alive = keep_alive
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self._conn

    def request(
        self,
        method: str,
        path: str,
        fields: Mapping[str, str | list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        conn = self._connection()
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            raw = response.read()
        except BaseException:
            self.close()
            raise
        seconds = time.perf_counter() - started
        if not self.keep_alive:
            self.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return Reply(response.status, raw, {k.lower(): v for k, v in response.getheaders()}, seconds)

    def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, fields: Mapping[str, str | list[str]]) -> Reply:
        return self.request("POST", path, fields)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def hidden_fields(html: str) -> Fields:
    return dict(re.findall(r'type="hidden" name="([\w-]+)" value="([^"]*)"', html))


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if match is None:
        raise ValueError("the page has no CSRF token")
    return match.group(1)


def answer_fields(html: str, rng: random.Random | None = None) -> Fields:
    """The question's hidden fields plus a valid answer to whatever it asks.

    With ``rng`` the answer is drawn from it (the same seed gives the same answers); without,
    it is the first choice, and an ordering's steps in the order shown, as the benchmarks answer.
    """
    fields = hidden_fields(html)
    choices = re.findall(r'name="choice" value="(\w+)"', html)
    multiple = re.search(r'<input[^>]*type="checkbox"[^>]*name="choice"', html)
    steps = re.findall(r'type="hidden" name="order" value="(\d+)"', html)  # an ordering's list, as shown
    if rng is None:
        if choices:
            fields["choice"] = [choices[0]] if multiple else choices[0]
    else:
        if multiple:
            fields["choice"] = rng.sample(choices, rng.randint(1, len(choices)))
        elif choices:
            fields["choice"] = rng.choice(choices)
        steps = rng.sample(steps, len(steps))
    if steps:
        fields["order"] = steps
    return fields
