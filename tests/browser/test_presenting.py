"""Presenting a lesson on the classroom screen (issue 14): by keyboard, with Quick exit kept."""

from __future__ import annotations

import re

import pytest

from courses.registry import get_course
from tests.browser.conftest import NEUTRAL_SITE, serious_axe_violations
from tests.browser.journeys import tab_to

pytestmark = pytest.mark.django_db

MODULE, LESSON = "consent", "pressure-and-saying-no"
PATH = f"/modules/{MODULE}/{LESSON}/present/"


def shown(page) -> list[str]:
    """The ids of the slides on screen."""
    return page.eval_on_selector_all("[data-slide]", "slides => slides.filter(s => !s.hidden).map(s => s.id)")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_a_teacher_presents_a_lesson_by_keyboard_and_quick_exit_still_works(site, page):
    site.fake_neutral_site()
    page.goto(site.url + PATH)
    total = page.locator("[data-slide]").count()
    assert total > 3
    assert shown(page) == ["slide-1"]
    assert page.get_by_role("heading", level=1).inner_text() == "Pressure and saying no"
    # The presenter notes sit below the slide.
    assert page.get_by_text("About 15 minutes.").is_visible()

    moves = [
        ("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), ("Space", 3), ("ArrowLeft", 2),
        ("End", total), ("Home", 1),
    ]  # fmt: skip
    for key, number in moves:
        page.keyboard.press(key)
        assert shown(page) == [f"slide-{number}"], f"after {key}"
        assert focused_id(page) == f"slide-{number}", f"focus after {key}"
        assert page.locator(f"#slide-{number} [data-slide-counter]").inner_text() == f"Slide {number} of {total}"
        assert page.locator("[data-slide-status]").inner_text() == f"Slide {number} of {total}"
        assert page.url.endswith(f"#slide-{number}")

    # The Next link by keyboard: Tab to it, Enter; the focus follows to the new slide, not lost.
    tab_to(page, "#slide-1 a[rel=next]")
    page.keyboard.press("Enter")
    assert shown(page) == ["slide-2"]
    assert focused_id(page) == "slide-2"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#slide-2') !== null")

    # The presenter notes in a second window.
    with page.expect_popup() as opened:
        page.get_by_role("link", name="Open presenter notes").click()
    notes = opened.value
    notes.wait_for_load_state()
    assert notes.get_by_role("heading", level=1).inner_text() == "Presenter notes: Pressure and saying no"
    assert notes.get_by_text("Which kinds of pressure does Sam use on Priya?").is_visible()

    # One Escape moves nothing; a second is Quick exit, which closes the notes window too.
    page.bring_to_front()
    page.locator("#slide-2").focus()
    page.keyboard.press("Escape")
    assert shown(page) == ["slide-2"]
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url.startswith(NEUTRAL_SITE)
    if not notes.is_closed():  # it may have closed already, before we started to wait
        notes.wait_for_event("close")
    assert notes.is_closed()


def test_once_loaded_the_slides_work_offline(site, page):
    page.goto(site.url + PATH)
    page.context.set_offline(True)
    try:
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert shown(page) == ["slide-3"]
        page.locator("#slide-3").get_by_role("link", name=re.compile("Previous")).click()
        assert shown(page) == ["slide-2"]
    finally:
        page.context.set_offline(False)


def test_without_javascript_the_slides_stack_and_link_to_each_other(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + PATH)
    slides = page.locator("[data-slide]")
    total = slides.count()
    assert all(slides.nth(i).is_visible() for i in range(total))
    page.locator("#slide-1").get_by_role("link", name=re.compile("Next")).click()
    page.wait_for_url(re.compile("#slide-2$"))
    page.locator("#slide-2").get_by_role("link", name=re.compile("Previous")).click()
    page.wait_for_url(re.compile("#slide-1$"))
    assert page.locator("[data-quick-exit]").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_slides_pass_axe_and_fit_a_phone(site, new_page, scheme):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    module = get_course().module(MODULE)
    assert module is not None
    for lesson in module.lessons:
        page.goto(f"{site.url}/modules/{MODULE}/{lesson.id}/present/")
        assert serious_axe_violations(page) == [], lesson.id
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, lesson.id
    page.goto(f"{site.url}/modules/{MODULE}/pack/")
    assert serious_axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_slides_print_one_a_page_in_landscape(site, page):
    page.goto(site.url + PATH)
    total = page.locator("[data-slide]").count()
    printed = page.pdf(prefer_css_page_size=True)
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(printed)
    width, height = document[0].get_size()
    assert width > height, "the slides print in landscape"
    assert len(document) >= total
