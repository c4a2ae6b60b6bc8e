"""Every module's story, played with the test client to a safe ending and to a risky one.

The validator proves every path ends; this shows the pages do: each choice's
feedback, the ending, and after a risky ending the reader's help.
"""

from __future__ import annotations

import pytest
from django.utils.html import escape

from courses.registry import get_course
from quizzes.kinds.scenario import Scenario
from quizzes.registry import get_quiz
from tests.quiz_paths import best_choices

pytestmark = pytest.mark.django_db


def _modules_with_quizzes() -> list[str]:
    return [module.id for module in get_course().modules if get_quiz(module.id) is not None]


@pytest.mark.parametrize("worst", [False, True], ids=["safe", "risky"])
@pytest.mark.parametrize("module_id", _modules_with_quizzes())
def test_every_modules_story_plays_to_an_ending(client, module_id, worst):
    quiz = get_quiz(module_id)
    assert quiz is not None
    story = quiz.items[0]
    assert isinstance(story, Scenario), "a quiz opens with its story (the intro page says so)"
    url = f"/modules/{module_id}/quiz/"
    assert client.post(url + "start/").status_code == 302
    for choice in best_choices(story, story.start, worst=worst):
        page = client.get(url)
        assert page.status_code == 200
        assert page.context["step"].choice(choice.id) is choice
        place = {name: str(value) for name, value in page.context["place"].initial.items()}
        shown = {text: value for value, text in page.context["form"].fields["choice"].choices}
        answered = client.post(url + "answer/", {**place, "choice": shown[choice.text]})
        assert answered.status_code == 302, answered.content.decode()[:500]
        feedback = client.get(answered["Location"]).content.decode()
        assert "What this choice means" in feedback
        assert choice.feedback_html in feedback
    ending = story.endings[choice.next]
    assert ending.outcome == ("risky" if worst else "safe")
    assert escape(ending.title) in feedback
    assert ending.summary_html in feedback
    assert ("If this is happening to you" in feedback) is worst  # help after a risky ending
