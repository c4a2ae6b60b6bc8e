"""Phone-first (review D24, D25, D7): on a 390 px phone the header is one row (Pause, Help, Menu),
the menu opens by keyboard and without JavaScript, the quick exit is a landmark with a strong focus
ring, and a jumped-to heading is not hidden under the sticky bar."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def main_top(page) -> float:
    return page.evaluate("document.querySelector('main').getBoundingClientRect().top")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_header_is_one_short_row_and_the_menu_opens_by_keyboard(site, new_page, scheme):
    page = new_page(viewport=PHONE, color_scheme=scheme)
    page.goto(site.url + "/modules/consent/")
    assert main_top(page) <= 120, "the content starts too far down on a phone"
    header = page.get_by_role("navigation", name="Main")
    expect(header.get_by_role("link", name="Pause")).to_be_visible()
    help_now = header.get_by_role("link", name="Need help now?")
    expect(help_now).to_be_visible()
    assert help_now.evaluate("e => e.getBoundingClientRect().width") < 100
    expect(page.get_by_role("navigation", name="Quick exit").get_by_role("link", name="Quick exit")).to_be_visible()
    modules = header.get_by_role("link", name="Modules")
    expect(modules).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert serious_axe_violations(page) == []

    menu = header.locator("summary", has_text="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(modules).to_be_visible()
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert serious_axe_violations(page) == []
    modules.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url + "/modules/")


def test_the_menu_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    site.keep_on_site(context)
    page = context.new_page()
    page.goto(site.url + "/")
    header = page.get_by_role("navigation", name="Main")
    header.locator("summary", has_text="Menu").click()
    header.get_by_role("link", name="The law").click()
    expect(page).to_have_url(site.url + "/law/")
    context.close()


def test_wide_screens_keep_every_link_in_the_row_and_no_menu(site, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.url + "/")
    header = page.get_by_role("navigation", name="Main")
    expect(header.get_by_role("link", name="Modules")).to_be_visible()
    expect(header.get_by_role("link", name="Need help now?")).to_be_visible()
    expect(header.locator("summary", has_text="Menu")).to_be_hidden()


def test_the_quick_exit_focus_ring_is_three_pixels(site, page):
    page.goto(site.url + "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # Quick exit comes next, before anything else (Stay private follows it)
    quick_exit = page.get_by_role("link", name="Quick exit")
    expect(quick_exit).to_be_focused()
    style = quick_exit.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
    assert style == ["solid", "3px"]


def test_a_jumped_to_target_is_not_under_the_sticky_bar(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/help/")
    page.get_by_label("Where are you?").select_option("us")
    page.get_by_role("button", name="Show help").click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(600)  # smooth scrolling
    bar_bottom = page.evaluate("document.querySelector('.quick-exit-bar').getBoundingClientRect().bottom")
    heading_top = page.evaluate(
        "document.querySelector('#services h2, #services h3, #services').getBoundingClientRect().top"
    )
    assert heading_top >= bar_bottom


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_nickname_and_the_progress_table_fit_a_phone(site, new_page, scheme):
    from tests.browser.journeys import join, make_class

    classroom = make_class()
    page = new_page(viewport=PHONE, color_scheme=scheme)
    join(page, site, classroom.join_code, "Maximilianalexandrabartholo")  # 27 letters, no spaces
    for path in ("/join/welcome/", "/progress/"):
        if path != "/join/welcome/":
            page.goto(site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
        assert serious_axe_violations(page) == [], path
    # On a phone each module is a card, each value labelled by its column.
    card = page.locator(".stack-table tbody tr").first
    expect(card).to_be_visible()
    label = card.locator("td").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Lessons done"'
