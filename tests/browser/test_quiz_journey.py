"""A visitor plays scenario quizzes in a real browser: risky and safe paths, feedback, retry, progress,
private reflections, keyboard only, and axe on every kind of quiz page. (Every module's story, to each
kind of ending, is played with the test client in tests/integration/test_quiz_every_module.py.)"""

import re

import pytest
from playwright.sync_api import expect

from quizzes.kinds.scenario import Scenario
from quizzes.registry import get_quiz
from tests.browser.conftest import serious_axe_violations
from tests.quiz_paths import best_choices

pytestmark = pytest.mark.django_db(transaction=True)

MARKER = "PRIVATE-REFLECTION-MARKER-7f3a"


def answer_knowledge_check(page, item, *, right: bool = True):
    kind = item.kind
    if kind == "single":
        options = [o for o in item.options if (o.id == item.answer) == right]
        page.get_by_label(options[0].text, exact=True).check()
    elif kind == "multiple":
        chosen = [o for o in item.options if o.id in item.answers] if right else [item.options[0]]
        if not right and item.options[0].id in item.answers and len(item.answers) > 1:
            chosen = [item.options[0]]
        for option in chosen:
            page.get_by_label(option.text, exact=True).check()
    elif kind == "true-false":
        page.get_by_label("True" if item.answer == right else "False", exact=True).check()
    elif kind == "ordering":
        steps = list(item.steps) if right else list(reversed(item.steps))
        put_in_order(page, [step.text for step in steps])
    page.get_by_role("button", name="Check my answer" if kind == "ordering" else "Answer", exact=True).click()


def steps_shown(page) -> list[str]:
    return [text.strip() for text in page.locator(".ordering-text").all_inner_texts()]


def put_in_order(page, texts):
    """An ordering's steps into ``texts``' order with the Move up buttons (moved in place by JavaScript)."""
    for place, text in enumerate(texts):
        while steps_shown(page).index(text) > place:
            page.get_by_role("button", name=f"Move up: {text}", exact=True).click()
    assert steps_shown(page) == texts


def play(page, site, module_id, *, risky: bool):
    quiz = get_quiz(module_id)
    page.goto(f"{site.url}/modules/{module_id}/quiz/")
    page.get_by_role("button", name=re.compile("Start the quiz|Try again")).click()
    for item in quiz.items:
        if isinstance(item, Scenario):
            for choice in best_choices(item, item.start, worst=risky):
                expect(page.get_by_role("heading", level=1)).to_have_text(item.title)
                page.get_by_label(choice.text, exact=True).check()
                page.get_by_role("button", name="Answer").click()
                expect(page.get_by_text("You chose:")).to_be_visible()
                expect(page.locator(".feedback-body")).to_be_visible()
                if choice.next in item.endings:
                    expect(page.get_by_role("heading", name=item.endings[choice.next].title)).to_be_visible()
                page.locator("main a.btn-primary").click()
        elif item.kind == "reflection":
            box = page.locator("textarea[data-reflection-key]")
            box.fill(MARKER)
            page.get_by_role("button", name="Continue").click()
        else:
            answer_knowledge_check(page, item, right=not risky)
            expect(page.get_by_text("You chose:")).to_be_visible()
            page.locator("main a.btn-primary").click()
    expect(page.get_by_role("heading", name="How it went")).to_be_visible()
    return quiz


def test_consent_quiz_risky_then_safe_path_retry_and_progress(site, page):
    requests = []
    page.on("request", lambda r: requests.append((r.url, r.post_data or "")))

    play(page, site, "consent", risky=True)
    expect(page.get_by_text("To complete this module")).to_be_visible()
    expect(page.get_by_role("heading", name="Lessons worth another look")).to_be_visible()
    # The story is not marked; after a risky ending the reader sees where to get help.
    expect(page.get_by_role("heading", name="If this is happening to you")).to_be_visible()
    expect(page.get_by_text("The story is not marked")).to_be_visible()

    play(page, site, "consent", risky=False)
    expect(page.get_by_text("That completes the quiz for this module.")).to_be_visible()
    expect(page.get_by_role("heading", name="If this is happening to you")).to_have_count(0)

    page.get_by_role("link", name="See your progress").click()
    row = page.get_by_role("row", name=re.compile("Consent"))
    expect(row).to_contain_text("100% (passed)")

    # The reflection never left the browser: no request body or URL carried it.
    assert requests
    assert not [url for url, body in requests if MARKER in url or MARKER in body]
    assert site.offsite == []


def test_a_reflection_is_kept_on_the_device_and_can_be_cleared(site, page):
    quiz = get_quiz("consent")
    key = next(f"pause:consent:{item.id}" for item in quiz.items if item.kind == "reflection")
    page.goto(site.url + "/")
    page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [key, MARKER])
    page.goto(f"{site.url}/modules/consent/quiz/")
    page.get_by_role("button", name="Start the quiz").click()
    # Skip to the reflection by answering everything before it.
    for item in quiz.items:
        if item.kind == "reflection":
            break
        if isinstance(item, Scenario):
            for choice in best_choices(item, item.start):
                page.get_by_label(choice.text, exact=True).check()
                page.get_by_role("button", name="Answer").click()
                page.locator("main a.btn-primary").click()
        else:
            answer_knowledge_check(page, item)
            page.locator("main a.btn-primary").click()
    box = page.locator("textarea[data-reflection-key]")
    expect(box).to_have_value(MARKER)
    expect(page.get_by_text("never sent to Pause")).to_be_visible()
    page.get_by_role("button", name="Clear my note").click()
    expect(box).to_have_value("")
    assert page.evaluate("k => sessionStorage.getItem(k)", key) is None


def test_keyboard_alone_completes_a_quiz(site, page):
    quiz = get_quiz("consent")
    page.goto(f"{site.url}/modules/consent/quiz/")

    def tab_to(selector):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def press_enter_and_wait():
        with page.expect_navigation():
            page.keyboard.press("Enter")

    def submit_and_go_on():
        tab_to("form button[type=submit]")
        press_enter_and_wait()
        tab_to("main a.btn-primary")
        press_enter_and_wait()

    def pick(place):
        """A radio group is one Tab stop: Space picks the first, arrows move the choice."""
        tab_to("input[type=radio][name=choice]")
        page.keyboard.press("Space")
        for _ in range(place - 1):
            page.keyboard.press("ArrowDown")

    def tick(place):
        tab_to(f"input[type=checkbox][value='{place}']")
        page.keyboard.press("Space")

    tab_to("form button[type=submit]")
    press_enter_and_wait()
    for item in quiz.items:
        if isinstance(item, Scenario):
            step_id = item.start
            for choice in best_choices(item, item.start):
                pick([c.id for c in item.steps[step_id].choices].index(choice.id) + 1)
                submit_and_go_on()
                step_id = choice.next
        elif item.kind == "reflection":
            tab_to("textarea")
            page.keyboard.type("kept here")
            tab_to("form button[type=submit]")
            press_enter_and_wait()
        elif item.kind == "single":
            pick([o.id for o in item.options].index(item.answer) + 1)
            submit_and_go_on()
        elif item.kind == "multiple":
            for place, option in enumerate(item.options, start=1):
                if option.id in item.answers:
                    tick(place)
            submit_and_go_on()
        elif item.kind == "true-false":
            pick(1 if item.answer else 2)
            submit_and_go_on()
        elif item.kind == "ordering":
            # Move up with Enter, again and again: focus stays on the moved step's button.
            for place, step in enumerate(item.steps):
                button = page.locator(".ordering-step", has_text=step.text).locator("button[data-move=up]")
                tab_to(f"button[value='{button.get_attribute('value')}']")
                while (index := steps_shown(page).index(step.text)) > place:
                    page.keyboard.press("Enter")
                    status = f"Moved “{step.text}” to position {index} of {len(item.steps)}."
                    expect(page.locator("[data-ordering-status]")).to_have_text(status)
                # Focus stayed on the moved step's button; the next step to move is further down.
                assert page.evaluate("() => document.activeElement.value") == button.get_attribute("value")
            assert steps_shown(page) == [s.text for s in item.steps]
            tab_to("form button.btn-primary")
            press_enter_and_wait()
            tab_to("main a.btn-primary")
            press_enter_and_wait()
    expect(page.get_by_role("heading", name="How it went")).to_be_visible()
    expect(page.get_by_text("That completes the quiz for this module.")).to_be_visible()


def test_axe_finds_no_serious_problem_on_quiz_pages(site, page):
    quiz = get_quiz("consent")
    problems = {}

    def check(name):
        problems[name] = serious_axe_violations(page)

    page.goto(f"{site.url}/modules/consent/quiz/")
    check("intro")
    page.get_by_role("button", name="Start the quiz").click()
    seen = set()
    for item in quiz.items:
        if isinstance(item, Scenario):
            for choice in best_choices(item, item.start):
                if "scenario" not in seen:
                    check("scenario step")
                page.get_by_label(choice.text, exact=True).check()
                page.get_by_role("button", name="Answer").click()
                if "scenario" not in seen:
                    check("scenario feedback")
                    seen.add("scenario")
                page.locator("main a.btn-primary").click()
        elif item.kind == "reflection":
            check("reflection")
            page.get_by_role("button", name="Continue").click()
        else:
            if item.kind not in seen:
                check(item.kind)
            if item.kind == "single" and "error" not in seen:
                page.get_by_role("button", name="Answer").click()  # nothing chosen: the error state
                check("question with an error")
                seen.add("error")
            answer_knowledge_check(page, item)
            if item.kind not in seen:
                check(f"{item.kind} feedback")
                seen.add(item.kind)
            page.locator("main a.btn-primary").click()
    check("result")
    page.goto(site.url + "/progress/")
    check("progress")
    assert {name: found for name, found in problems.items() if found} == {}
