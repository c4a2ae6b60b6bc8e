"""Review D18 and D22, without JavaScript: "Remember my region" opens the chosen law card and says it is
remembered; the catalogue shows every module with the youngest age it is written for, no filter to click."""

import pytest
from playwright.sync_api import expect

from courses.registry import get_course
from tools.pages import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def no_js_phone(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    site.keep_on_site(context)
    yield context.new_page()
    context.close()


def test_remember_my_region_opens_its_law_card_and_says_it_is_remembered(site, no_js_phone):
    page = no_js_phone
    page.goto(site.url + "/law/")
    page.get_by_label("Your region").select_option(label="Ireland")
    page.get_by_role("button", name="Remember my region").click()
    expect(page).to_have_url(site.url + "/law/ireland/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ireland")
    expect(page.locator(".messages")).to_have_text("We’ll remember Ireland on this device until you close the browser.")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="The law").click()
    ireland = page.locator('.law-list li:has(a[href="/law/ireland/"])')
    expect(ireland.locator(".badge")).to_have_text("Your region")
    expect(page.get_by_label("Your region")).to_have_value("ireland")
    assert site.offsite == []


def test_the_catalogue_shows_every_module_with_its_age_and_no_filter(site, no_js_phone):
    page = no_js_phone
    page.goto(site.url + "/modules/")
    modules = get_course().modules
    cards = page.locator(".module-list > li")
    expect(cards).to_have_count(len(modules))
    for card, module in zip(cards.all(), modules, strict=True):
        expect(card.get_by_role("heading")).to_contain_text(module.title)
        expect(card.locator(".age-badge")).to_have_text(f"Ages {module.age_min}+")
    expect(page.get_by_role("button", name="Show")).to_have_count(0)
    expect(page.get_by_role("radio")).to_have_count(0)
