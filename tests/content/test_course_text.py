"""The course text itself: complete, honest about its numbers and addresses, readable and original."""

import re
from itertools import combinations

import pytest

from quizzes.kinds.scenario import Scenario
from tests.content.conftest import BRIEF_LOWER, CONTENT, FACT_BRIEF, MODULES, content_files
from tools.text import fk_grade, plain_text, words

# --- every part is there ------------------------------------------------------------------------


def test_the_course_has_all_eight_modules_in_order(course):
    assert [m.id for m in course.modules] == MODULES


@pytest.mark.parametrize("module_id", MODULES)
def test_each_module_has_every_part(course, quizzes, module_id):
    module = course.module(module_id)
    assert 3 <= len(module.lessons) <= 6
    assert all(1 <= len(lesson.objectives) <= 3 for lesson in module.lessons)
    assert all(5 <= lesson.minutes <= 10 for lesson in module.lessons)
    assert module.objectives and module.sources and module.age_min >= 11
    assert module.teacher_notes is not None and len(words(module.teacher_notes.html)) > 400
    guide = course.guide(module.parent_guide_id or "")
    assert guide is not None and guide.audience == "parents" and module.id in guide.module_ids
    quiz = quizzes[module.id]
    scenarios = [item for item in quiz.items if isinstance(item, Scenario)]
    assert len(scenarios) == 1
    assert len(scenarios[0].steps) >= 6 and len(scenarios[0].endings) >= 2
    assert {e.outcome for e in scenarios[0].endings.values()} == {"safe", "risky"}
    assert not scenarios[0].scored  # the story teaches; only the knowledge checks are scored
    assert all(ending.next_steps_html for ending in scenarios[0].endings.values())
    assert sum(1 for item in quiz.items if item.scored) >= 4


@pytest.mark.parametrize("module_id", MODULES)
def test_each_quiz_checks_every_lesson_of_its_module(course, quizzes, module_id):
    checked = {item.lesson_id for item in quizzes[module_id].items if item.lesson_id}
    assert {lesson.id for lesson in course.module(module_id).lessons} <= checked


@pytest.mark.parametrize("module_id", MODULES)
def test_lessons_on_hard_topics_carry_a_content_note(course, module_id):
    hard = {"after-a-leak", "sextortion", "ai-and-deepfakes"}
    if module_id in hard:
        module = course.module(module_id)
        assert all(lesson.content_note or module.content_note for lesson in module.lessons)


@pytest.mark.parametrize("module_id", MODULES)
def test_every_lesson_ends_by_saying_where_to_get_help(course, module_id):
    for lesson in course.module(module_id).lessons:
        assert 'href="/help/"' in lesson.html, lesson.key


def test_the_required_guides_exist(course):
    parents = {g.id for g in course.guides_for("parents")}
    teachers = {g.id for g in course.guides_for("teachers")}
    assert {"talking-about-nudes-by-age", "after-a-leak-for-parents", "if-your-child-shared-someone-elses-image",
            "ai-nudify-apps-for-parents"} <= parents  # fmt: skip
    assert {"delivering-the-course-safely", "responding-to-an-incident", "handling-a-disclosure-in-class"} <= teachers


# --- honest ---------------------------------------------------------------------------------------

# facts.md §5: statistics from the seed articles that trace to no real study.
SEED_CLAIMS = [
    r"100 million users",
    r"20\s?% of respondents",
    r"Social Anxiety Network",
    r"University of Digital Health",
    r"relational dynamics",
    r"\b48\s?%(?! had received)",
    r"\b37\s?%",
    r"\b55\s?%",
]


def test_no_seed_statistic_appears_anywhere():
    for path in content_files():
        text = path.read_text(encoding="utf-8")
        for claim in SEED_CLAIMS:
            assert not re.search(claim, text, re.IGNORECASE), f"{path.relative_to(CONTENT)}: {claim}"


def _normalise_url(url: str) -> str:
    url = re.sub(r"^https?://(www\.)?", "", url.strip().rstrip(").,;'\"")).rstrip("/")
    return url.lower()


def test_every_url_is_one_the_fact_brief_gives():
    for path in content_files():
        if path.parent.name == "standards":  # curriculum frameworks' own pages: see tests/content/test_standards.py
            continue
        for url in re.findall(r"https?://[^\s)\"'<>\]]+", path.read_text(encoding="utf-8")):
            assert _normalise_url(url) in BRIEF_LOWER, f"{path.relative_to(CONTENT)}: {url} is not in the fact brief"


PHONE = re.compile(r"(?<![\w/.-])(?:\+?\d[\d ()-]{5,}\d|1-800-[A-Z0-9-]+|\d{3}(?=[\"'\s.,)]))(?![\w/-])")


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def test_every_phone_number_is_one_the_fact_brief_gives(course):
    brief_numbers = {_digits(n) for n in PHONE.findall(FACT_BRIEF)} | set(re.findall(r"1-800-[A-Z-]+", FACT_BRIEF))
    for directory in course.help_directories.values():
        numbers = [s.phone for s in directory.services if s.phone]
        for number in numbers:
            assert number in FACT_BRIEF or _digits(number) in brief_numbers, f"{directory.region.id}: {number}"
    for path in content_files():
        if path.parent.name in {"law", "help"} or path.suffix == ".md":
            for number in re.findall(
                r"\b(?:\d{3,5}[ -]\d{3,4}[ -]?\d{0,4}|1-800-[A-Z0-9-]+)\b", path.read_text("utf-8")
            ):
                digits = _digits(number)
                if len(digits) >= 7 or number.startswith("1-800"):
                    assert number in FACT_BRIEF or digits in brief_numbers, f"{path.relative_to(CONTENT)}: {number}"


# --- readable -------------------------------------------------------------------------------------


def _lesson_limit(module) -> float:
    """11–13 reads at grade 7 at most; a module only for 14–18 may read at 8, with older teens' situations."""
    return 7 if module.age_min <= 13 else 8


@pytest.mark.parametrize("module_id", MODULES)
def test_lessons_read_at_the_level_of_their_age_band(course, module_id):
    module = course.module(module_id)
    for lesson in module.lessons:
        grade = fk_grade(lesson.html)
        assert grade <= _lesson_limit(module), f"{lesson.key}: Flesch–Kincaid grade {grade:.1f}"


def test_guides_and_teacher_notes_read_at_grade_ten_or_below(course):
    for guide in course.guides:
        assert fk_grade(guide.html) <= 10, guide.id
    for module in course.modules:
        assert fk_grade(module.teacher_notes.html) <= 10, module.id


# --- enough, and original -------------------------------------------------------------------------


def test_the_lessons_add_up_to_twenty_thousand_words(course):
    total = sum(len(words(lesson.html)) for module in course.modules for lesson in module.lessons)
    assert total >= 20_000, f"{total} words of lessons"


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[a-z0-9’']+", text.lower())
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def test_no_lesson_is_copied_from_another(course):
    lessons = [lesson for module in course.modules for lesson in module.lessons]
    shingles = {lesson.key: _shingles(plain_text(lesson.html)) for lesson in lessons}
    for a, b in combinations(lessons, 2):
        shared = shingles[a.key] & shingles[b.key]
        overlap = len(shared) / max(1, min(len(shingles[a.key]), len(shingles[b.key])))
        # Safety advice is rightly repeated word for word (about 10% at most); a copied lesson shares far more.
        assert overlap < 0.25, f"{a.key} and {b.key} share {overlap:.0%} of their 8-word runs"


def test_every_module_has_a_family_card_with_a_parent_guide() -> None:
    """Issue 15: /family/ and the digest tell a parent three things, a dinner question and a guide per module."""
    from courses.registry import get_course

    course = get_course()
    for module in course.modules:
        assert module.family is not None, module.id
        assert len(module.family.learn) == 3, module.id
        assert module.family.question.endswith("?"), module.id
        guide = course.guide(module.family.guide_id)
        assert guide is not None and guide.audience == "parents", module.id
