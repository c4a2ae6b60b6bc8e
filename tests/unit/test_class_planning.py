"""The engine behind "start in a minute" and "who needs you": plans, dates, warnings, the missed-question rule."""

from __future__ import annotations

import datetime

from classrooms.forms import roster_warnings
from classrooms.planning import assignment_warnings, suggested_dates, suggested_plan
from classrooms.selectors.summary import missed_count
from core.visibility import MIN_RESPONSES_SHOWN
from courses.registry import get_course
from quizzes.selectors import OptionCount, QuestionResult

TODAY = datetime.date(2030, 1, 7)


def question(responses: int, right: int, *, several: bool = False, correct: bool | None = True) -> QuestionResult:
    options = (
        OptionCount("Right", right, correct),
        OptionCount("Wrong", responses - right, None if correct is None else False),
    )
    return QuestionResult("q", "", "<p>Q</p>", "single", responses, options, several)


def test_the_plan_is_six_modules_that_fit_the_band_in_course_order():
    course = get_course()
    for band in course.age_bands:
        plan = suggested_plan(course, band)
        assert len(plan) == min(6, sum(band.suits(m) for m in course.modules))
        assert all(band.suits(m) for m in plan)
        order = [m.id for m in course.modules]
        assert [m.id for m in plan] == sorted((m.id for m in plan), key=order.index)


def test_suggested_dates_are_a_week_apart_from_next_week():
    modules = list(get_course().modules[:3])
    dates = suggested_dates(modules, TODAY)
    assert [dates[m.id] for m in modules] == [
        datetime.date(2030, 1, 14),
        datetime.date(2030, 1, 21),
        datetime.date(2030, 1, 28),
    ]


def test_warnings_for_an_older_module_and_a_past_date_but_not_for_today():
    course = get_course()
    band = min(course.age_bands, key=lambda b: b.max)
    older = next(m for m in course.modules if not band.suits(m))
    fitting = next(m for m in course.modules if band.suits(m))
    found = assignment_warnings(
        band=band, picks=[(older, None), (fitting, TODAY - datetime.timedelta(days=1))], today=TODAY
    )
    assert [(w.module.id, "ages" in w.text, "past" in w.text) for w in found] == [
        (older.id, True, False),
        (fitting.id, False, True),
    ]
    assert assignment_warnings(band=band, picks=[(fitting, TODAY)], today=TODAY) == []
    assert assignment_warnings(band=None, picks=[(older, None)], today=TODAY) == []


def test_roster_warnings_find_twins_and_surnames_but_not_initials():
    assert roster_warnings(["Ola", "Pip", "Mai B"], existing=["Ben"]) == []
    [twice] = roster_warnings(["Amara", "ben"], existing=["Ben"])
    assert "“ben”" in twice
    [surname] = roster_warnings(["Zoë-Louise O'Neill-Smith"], existing=[])
    assert "surname" in surname


def test_a_question_counts_as_missed_only_from_the_five_answer_floor():
    assert missed_count(question(MIN_RESPONSES_SHOWN - 1, 0)) is None
    assert missed_count(question(MIN_RESPONSES_SHOWN, 1)) == MIN_RESPONSES_SHOWN - 1
    assert missed_count(question(9, 2, several=True)) is None  # no single right answer to count
    assert missed_count(question(9, 2, correct=None)) is None  # a story's step is not marked
