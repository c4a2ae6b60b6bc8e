"""An ordering question answered with Move up / Move down: by keyboard with JavaScript (the items move in
place, focus stays, a live region says where) and without it (each move redraws the page, records nothing)."""

import pytest
from playwright.sync_api import expect

from quizzes.kinds.scenario import Scenario
from quizzes.models import QuizResponse
from quizzes.registry import get_quiz
from tests.browser.conftest import serious_axe_violations
from tests.browser.test_quiz_journey import answer_knowledge_check, steps_shown
from tests.quiz_paths import best_choices

pytestmark = pytest.mark.django_db(transaction=True)


def reach_the_ordering(page, site):
    """Start the sextortion quiz and answer everything before its ordering question; returns that item."""
    quiz = get_quiz("sextortion")
    page.goto(f"{site.url}/modules/sextortion/quiz/")
    with page.expect_navigation():
        page.get_by_role("button", name="Start the quiz").click()
    for item in quiz.items:
        if item.kind == "ordering":
            expect(page.locator("[data-ordering]")).to_be_visible()
            return item
        if isinstance(item, Scenario):
            for choice in best_choices(item, item.start):
                page.get_by_label(choice.text, exact=True).check()
                with page.expect_navigation():
                    page.get_by_role("button", name="Answer").click()
                with page.expect_navigation():
                    page.locator("main a.btn-primary").click()
        elif item.kind == "reflection":
            with page.expect_navigation():
                page.get_by_role("button", name="Continue").click()
        else:
            with page.expect_navigation():
                answer_knowledge_check(page, item)
            with page.expect_navigation():
                page.locator("main a.btn-primary").click()
    raise AssertionError("the sextortion quiz has no ordering question")


def test_ordering_by_keyboard_with_javascript(site, page):
    item = reach_the_ordering(page, site)
    right = [step.text for step in item.steps]
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    expect(page.locator("h1.quiz-question")).to_be_visible()  # the question is the heading
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.locator("h1").click()  # start the Tab walk from the question
    for place, text in enumerate(right):
        value = page.locator(".ordering-step", has_text=text).locator("button[data-move=up]").get_attribute("value")
        for _ in range(40):
            if page.evaluate("v => document.activeElement && document.activeElement.value === v", value):
                break
            page.keyboard.press("Tab")
        else:
            raise AssertionError(f"Tab never reached Move up: {text}")
        while (index := steps_shown(page).index(text)) > place:
            page.keyboard.press("Enter")
            status = f"Moved “{text}” to position {index} of {len(right)}."
            expect(page.locator("[data-ordering-status]")).to_have_text(status)
            # The item moved in place: focus is still on its Move up button, and nothing was sent.
            assert page.evaluate("v => document.activeElement.value === v", value)
    assert steps_shown(page) == right
    assert posts == []
    first_up = page.locator(".ordering-step").first.locator("button[data-move=up]")
    expect(first_up).to_have_attribute("aria-disabled", "true")
    assert serious_axe_violations(page) == []
    page.emulate_media(color_scheme="dark")
    assert serious_axe_violations(page) == []
    page.emulate_media(color_scheme="light")

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim() === 'Check my answer'"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="That’s right", level=2)).to_be_visible()
    assert QuizResponse.objects.filter(item_id=item.id).count() == 1
    assert site.offsite == []


def test_ordering_without_javascript(site, new_page):
    page = new_page(java_script_enabled=False)
    item = reach_the_ordering(page, site)
    right = [step.text for step in item.steps]
    recorded = QuizResponse.objects.count()
    for place, text in enumerate(right):
        while (index := steps_shown(page).index(text)) > place:
            with page.expect_navigation():
                page.get_by_role("button", name=f"Move up: {text}", exact=True).click()
            expect(page.locator("[data-ordering-status]")).to_have_text(
                f"Moved “{text}” to position {index} of {len(right)}."
            )
            # The redrawn page puts focus back on the moved step's button (autofocus, which the browser
            # applies once it has drawn the page: wait for it); no answer was recorded.
            expect(page.locator(":focus")).to_have_attribute("aria-label", f"Move up: {text}")
            assert QuizResponse.objects.count() == recorded
    assert steps_shown(page) == right
    assert page.locator("select").count() == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("heading", name="That’s right", level=2)).to_be_visible()
    assert QuizResponse.objects.filter(item_id=item.id).count() == 1
    assert QuizResponse.objects.count() == recorded + 1
