"""A lead shows the curriculum map: on a phone, without JavaScript, in light and dark, and by keyboard."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/curriculum/", "/curriculum/rshe/", "/curriculum/nz-hpe/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_is_axe_clean_at_390px_with_no_sideways_scroll(site, new_page, scheme):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    for path in PAGES:
        assert page.goto(site.url + path).status == 200
        assert serious_axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    assert site.offsite == []


def test_the_map_works_without_javascript_on_a_phone(site, new_page):
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    for path in PAGES:
        assert page.goto(site.url + path).status == 200
        expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_a_lead_goes_from_the_schools_page_to_a_framework_and_its_lessons(site, page):
    page.goto(site.url + "/schools/")
    page.get_by_role("link", name="Curriculum map: what Pause covers, statement by statement").click()
    expect(page.get_by_role("heading", name="Curriculum map", level=1)).to_be_visible()
    page.get_by_role("link", name="RSHE (England)").click()
    expect(page.get_by_text("What is missing:")).to_be_visible()
    expect(page.get_by_role("heading", name="Not covered by Pause")).to_be_visible()
    page.get_by_role("link", name="Curriculum map").click()
    page.get_by_role("link", name="NZ Health and PE").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Pause covers 6 of the 7 statements quoted here.")).to_be_visible()
    expect(page.get_by_role("link", name="Download this map as a spreadsheet (CSV)")).to_be_visible()
    page.get_by_role("link", name="Respect and pressure").first.click()
    expect(page.get_by_role("heading", name="Respect and pressure", level=1)).to_be_visible()


def test_the_map_prints_without_the_site_chrome(site, page):
    page.goto(site.url + "/curriculum/nz-hpe/")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download this map as a spreadsheet (CSV)")).to_be_hidden()
    expect(page.get_by_role("heading", name="Covered by Pause", exact=True)).to_be_visible()
