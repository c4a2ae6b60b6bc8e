"""A visitor in crisis, in every region the course names: from any page to a number to call and a place
to report, in a few clicks, with Quick exit always there, by keyboard or mouse, with or without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from courses.registry import get_course
from tests.browser.conftest import WAIT_MS, serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

REGIONS = [(region.id, region.name) for region in get_course().regions]
IN_NAMES = {region.id: region.in_name for region in get_course().regions}  # "in the United States"


def find_help(page, site, name: str) -> None:
    page.goto(site.url + "/modules/sextortion/")
    page.get_by_role("link", name="Need help now?").first.click()
    page.get_by_label("Where are you?").select_option(label=name)
    page.get_by_label("Under 18").check()
    page.get_by_role("button", name="Show help").click()


@pytest.mark.parametrize(("region_id", "name"), REGIONS, ids=[region_id for region_id, _ in REGIONS])
def test_a_visitor_in_crisis_finds_a_number_to_call_and_a_place_to_report(site, page, region_id, name):
    find_help(page, site, name)
    expect(
        page.get_by_role("heading", name=f"Help in {IN_NAMES[region_id]}, for an image of someone under 18")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()

    # A number to call if someone is in danger, at the top of the page.
    emergency = page.locator("#emergency a[href^='tel:']")
    expect(emergency).to_be_visible()
    directory = get_course().help_directories[region_id]
    assert emergency.inner_text() == directory.emergency.phone

    # Someone to talk to comes before reporting, and there is a line a young person can call or text.
    talk = page.locator(".help-section-talk")
    expect(talk).to_be_visible()
    assert talk.locator("a[href^='tel:']").count() + talk.get_by_text(re.compile(r"\bText\b")).count() > 0
    report = page.locator(".help-section-report")
    expect(report.locator(".card").first).to_be_visible()
    # Measured in one step against the document, not the viewport: Bootstrap scrolls smoothly to the
    # results, and two bounding boxes read a moment apart can straddle that scroll.
    talk_top, report_top = page.evaluate(
        """() => ['.help-section-talk', '.help-section-report'].map(
            (sel) => document.querySelector(sel).getBoundingClientRect().top + window.scrollY)"""
    )
    assert talk_top < report_top
    expect(page.locator(".help-section-take-down .card").first).to_be_visible()

    # The first steps put a trusted adult early, never last.
    steps = page.locator("#first-steps + ol li")
    assert "Tell" in steps.nth(1).inner_text()
    assert serious_axe_violations(page) == []
    assert site.offsite == []


def test_help_works_without_javascript_and_on_a_phone(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    site.keep_on_site(context)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    find_help(page, site, "Ireland")
    expect(page.locator("#emergency a[href='tel:112']")).to_be_visible()
    # The answers went in the form's body: the address (and so the history) does not hold them.
    assert page.url == site.url + "/help/#services"
    expect(page.get_by_role("heading", name="Hotline.ie")).to_be_visible()
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_a_lesson_ends_with_every_regions_emergency_number(site, page):
    page.goto(site.url + "/modules/consent/what-consent-is/")
    box = page.locator("#help-box-lesson").locator("xpath=ancestor::aside")
    expect(box).to_be_visible()
    for region_id, name in REGIONS:
        emergency = get_course().help_directories[region_id].emergency
        assert emergency is not None
        assert emergency.phone
        phone = emergency.phone
        expect(box.locator(f"a[href='tel:{phone.replace(' ', '')}']").first).to_be_visible()
        expect(box.get_by_role("link", name=name, exact=True)).to_be_visible()
    box.get_by_role("link", name="New Zealand", exact=True).click()
    # A plain link: the address names the place, never the reader's situation (no image age assumed).
    expect(page).to_have_url(site.url + "/help/in/new-zealand/#services")
    expect(page.get_by_role("heading", name="Help in New Zealand", exact=True)).to_be_visible()
    assert site.offsite == []
