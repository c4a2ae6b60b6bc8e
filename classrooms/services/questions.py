"""Writes for the anonymous question box (issue 15): asking, answering to the class, hiding, deleting.

What is stored is the class, the day and the words (docs/privacy.md, ``classrooms.ClassQuestion``).
"No question" is stored nowhere, yet the student sees exactly what an asker sees, token included.

Limits that identify no one (``AskGate``): a browser keeps a random id in a signed cookie for a day;
only a keyed hash of it is stored, with the day, one row per submission (a question or "no
question", so a row does not say which), ASKS_PER_BROWSER_DAY a day. And a class takes at most
QUESTIONS_PER_CLASS_DAY questions a day, counted from the questions themselves. Never the address.
"""

from __future__ import annotations

import datetime
import logging
import re
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone

from accounts.credentials import CODE_ALPHABET
from accounts.errors import Refused
from core.browsers import BrowserCookie, keyed_hash

from ..models import AskCount, ClassQuestion, Classroom
from ..safeguarding import get_danger_words
from .teaching import ensure_open

logger = logging.getLogger(__name__)

ASKS_PER_BROWSER_DAY = 5
QUESTIONS_PER_CLASS_DAY = 60
BROWSER_COOKIE = BrowserCookie(
    "pauseasks", salt="pause.questions.browser", max_age=24 * 3600, samesite="Lax", kind="question-browser"
)
TOKEN_LENGTH = 16  # 24¹⁶ ≈ 1.2e22 tokens: not guessable, so checking one needs no limit

TOO_MANY_FROM_BROWSER = "You have sent the question box five times today. You can send another tomorrow."
TOO_MANY_IN_CLASS = "Your class’s question box is full for today. You can send yours tomorrow."
_NO_QUESTION = re.compile(r"(?:no|none|nope|nothing)(?:questions?)?")


def is_no_question(text: str) -> bool:
    """'no question', 'No Questions.', ' none ', '' … : nothing to store (case, spaces, punctuation don't matter)."""
    letters = "".join(ch for ch in text.casefold() if ch.isalnum())
    return not letters or _NO_QUESTION.fullmatch(letters) is not None


def new_token() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(TOKEN_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, TOKEN_LENGTH, 4))


def normalise_token(text: str) -> str | None:
    """A token as typed (any case, spaces or dashes), in the form it was hashed in; None if it can't be one."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(raw) != TOKEN_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return None
    return "-".join(raw[i : i + 4] for i in range(0, TOKEN_LENGTH, 4))


def token_hash(token: str) -> str:
    return keyed_hash("question-token", token)


class AskGate:
    """This browser's place in the daily limit. ``gate.respond(response)`` gives a new browser its cookie."""

    def __init__(self, request: HttpRequest) -> None:
        self._token = BROWSER_COOKIE.read(request)
        self.browser = self._token.browser

    def respond(self, response: HttpResponseBase) -> HttpResponseBase:
        return self._token.respond(response)


@dataclass(frozen=True, slots=True)
class Asked:
    token: str  # shown once; a "no question" gets one too, that matches nothing
    flag: str  # the danger-word group matched, or ""


@transaction.atomic
def question_ask(*, classroom: Classroom, text: str, browser: str) -> Asked:
    """Take one submission to a class's box. Raises Refused (the same for a question and "no question")."""
    ensure_open(classroom)
    today = timezone.localdate()
    if AskCount.objects.filter(browser=browser, on=today).count() >= ASKS_PER_BROWSER_DAY:
        logger.warning("throttled: question box, one browser's daily limit")
        raise Refused(TOO_MANY_FROM_BROWSER)
    text = text.strip()
    real = not is_no_question(text)
    if real and ClassQuestion.objects.filter(classroom=classroom, asked_on=today).count() >= QUESTIONS_PER_CLASS_DAY:
        logger.warning("throttled: question box of class %s is full today", classroom.pk)
        raise Refused(TOO_MANY_IN_CLASS)
    AskCount.objects.create(browser=browser, on=today)
    token = new_token()
    if not real:
        return Asked(token=token, flag="")
    flag = get_danger_words().match(text)
    question = ClassQuestion(classroom=classroom, asked_on=today, text=text, flag=flag, token_hash=token_hash(token))
    question.full_clean(exclude=["classroom"])
    question.save()
    if flag:
        logger.warning("question box: a question in class %s is flagged (%s)", classroom.pk, flag)
    return Asked(token=token, flag=flag)


@transaction.atomic
def question_answer(*, question: ClassQuestion, shown_question: str, answer: str) -> None:
    """Answer to the whole class: its students see "Someone asked…" with these words on their page."""
    ensure_open(question.classroom)
    question.shown_question = shown_question.strip()
    question.answer = answer.strip()
    question.answered_on = timezone.localdate() if question.answer else None
    question.full_clean(exclude=["classroom"])
    question.save(update_fields=["shown_question", "answer", "answered_on"])


@transaction.atomic
def question_set_hidden(*, question: ClassQuestion, hidden: bool) -> None:
    """Hidden: off the class's page and at the end of the teacher's list (its token finds nothing)."""
    ensure_open(question.classroom)
    question.hidden = hidden
    question.save(update_fields=["hidden"])


@transaction.atomic
def question_delete(*, question: ClassQuestion) -> None:
    ensure_open(question.classroom)
    question.delete()


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answer: str
    answered_on: datetime.date


@transaction.atomic
def question_check(*, token: str) -> Answer | None:
    """The class's answer to the question this token was shown for, once: seeing it clears the token.

    None when there is no answer yet, and equally for a "no question" token, a hidden or deleted
    question, or a token already used: what a reader learns from a token is the answer, and only once.
    """
    normalised = normalise_token(token)
    if normalised is None:
        return None
    question = (
        ClassQuestion.objects.select_for_update()
        .filter(token_hash=token_hash(normalised), hidden=False, answered_on__isnull=False)
        .exclude(answer="")
        .first()
    )
    if question is None:
        return None
    ClassQuestion.objects.filter(pk=question.pk).update(token_hash="")
    return Answer(
        question=question.shown_question or question.text,
        answer=question.answer,
        answered_on=question.answered_on or timezone.localdate(),
    )


def asks_forget_expired(*, today: datetime.date | None = None) -> int:
    """Delete daily-limit rows from before today: they no longer count."""
    deleted, _ = AskCount.objects.filter(on__lt=today or timezone.localdate()).delete()
    return deleted
