"""A module's printable pack, for a room without devices: what goes in it, read for its pages.

The pack is the teacher notes (with the timings), every lesson, the knowledge checks as a
worksheet with a separate answer page, each story as discussion cards (one step a card, with its
choices) and an exit slip. It lives in quizzes because the worksheet and the cards are quiz
items; courses knows nothing of quizzes (DESIGN.md, "Which way the imports go").

Like the teacher notes, the pack is public: the course is open and its quiz files with it.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass

from courses import selectors as course_selectors
from courses.domain import Lesson, Module

from . import kinds
from .domain import Ending, Item
from .kinds.ordering import Ordering
from .kinds.scenario import Scenario, Step
from .registry import get_quiz

# Part of every pack's key: bump it when what goes into a pack changes in code (quizzes.pdf adds
# the templates and stylesheets to its file's name itself).
PACK_LAYOUT_VERSION = "1"
EXIT_SLIP = (
    "One thing I learned today:",
    "One thing a character in the lesson could do to get help, or to help someone else:",
    "A question I still have (you can leave this blank):",
)


@dataclass(frozen=True, slots=True)
class Question:
    """One worksheet question: a prompt and what a student ticks, numbers or writes."""

    number: int
    lesson_title: str
    prompt_html: str
    instruction: str
    choices: tuple[str, ...]  # empty: lines to write on
    numbered: bool = False  # "number these 1 to n" instead of ticking


@dataclass(frozen=True, slots=True)
class Answer:
    number: int
    label: str
    texts: tuple[str, ...]
    ordered: bool
    explanation_html: str


@dataclass(frozen=True, slots=True)
class Card:
    """A story step as a discussion card."""

    number: int
    prompt_html: str
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    intro_html: str
    cards: tuple[Card, ...]
    endings: tuple[Ending, ...]


@dataclass(frozen=True, slots=True)
class Pack:
    module: Module
    questions: tuple[Question, ...]
    answers: tuple[Answer, ...]
    stories: tuple[Story, ...]
    key: str  # changes whenever the module, its quiz or the pack's layout does

    exit_slip: tuple[str, ...] = EXIT_SLIP

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return self.module.lessons

    @property
    def stem(self) -> str:
        """The start of its PDF's file name: the teacher's copy (with answers) is kept apart."""
        return f"{self.module.id}+answers" if self.answers else self.module.id


def _scrambled(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A fixed order that is not the right one (the same in every copy of the pack)."""
    order = tuple(sorted(texts, key=lambda text: hashlib.sha256(text.encode()).hexdigest()))
    return order if order != texts or len(texts) < 2 else (*texts[1:], texts[0])


def _question(number: int, item: Item, lesson_title: str) -> Question:
    prompt = getattr(item, "prompt_html", "")
    if isinstance(item, Ordering):
        steps = tuple(step.text for step in item.steps)
        instruction = f"Number these steps from 1 to {len(steps)}, in the right order."
        return Question(number, lesson_title, prompt, instruction, _scrambled(steps), numbered=True)
    places = kinds.of(item).tally(item)
    if item.kind == "true-false":
        return Question(number, lesson_title, prompt, "True or false? Tick one.", ("True", "False"))
    if len(places) == 1:
        place = places[0]
        instruction = "Tick every answer that is right." if place.several else "Tick one answer."
        return Question(number, lesson_title, prompt, instruction, tuple(o.text for o in place.options))
    return Question(number, lesson_title, prompt, "Write your answer.", ())


def _answer(number: int, item: Item) -> Answer:
    right = kinds.of(item).right_answer(item)
    explanation = getattr(item, "explanation_html", "")
    if right is None:
        return Answer(number, "See the explanation.", (), False, explanation)
    return Answer(number, right.label, right.texts, right.ordered, explanation)


def _story(item: Scenario) -> Story:
    """The story's steps in the order a reader meets them (breadth first from the start)."""
    seen, queue, ordered = {item.start}, deque([item.start]), []
    while queue:
        step: Step = item.steps[queue.popleft()]
        ordered.append(step)
        for choice in step.choices:
            if choice.next in item.steps and choice.next not in seen:
                seen.add(choice.next)
                queue.append(choice.next)
    cards = tuple(Card(i, s.prompt_html, tuple(c.text for c in s.choices)) for i, s in enumerate(ordered, 1))
    return Story(item.title, item.intro_html, cards, tuple(item.endings.values()))


def pack_get(*, module_id: str, answers: bool = False) -> Pack:
    """The pack of a module (404 for no such module); a module without a quiz has no worksheet.

    The worksheet's answers are for teachers: only ``answers=True`` (a staff member's pack) has them,
    as the quiz never shows an answer before it is given.
    """
    module = course_selectors.module_get(module_id=module_id)
    quiz = get_quiz(module.id)
    titles = {lesson.id: lesson.title for lesson in module.lessons}
    questions: list[Question] = []
    right: list[Answer] = []
    stories: list[Story] = []
    for item in quiz.items if quiz else ():
        if isinstance(item, Scenario):
            stories.append(_story(item))
        elif item.scored:
            number = len(questions) + 1
            questions.append(_question(number, item, titles.get(item.lesson_id or "", "")))
            if answers:
                right.append(_answer(number, item))
    parts = (module.content_hash, quiz.content_hash if quiz else "-", PACK_LAYOUT_VERSION, str(answers))
    key = hashlib.sha256(":".join(parts).encode()).hexdigest()[:16]
    return Pack(module, tuple(questions), tuple(right), tuple(stories), key)
