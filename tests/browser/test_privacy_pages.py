"""The privacy notice and the page for schools: reached from the footer by keyboard, readable on a
390 px phone without sideways scrolling, with no serious accessibility problem, in light and dark."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_footer_leads_to_both_pages_and_they_fit_a_phone(site, new_page, scheme):
    page = new_page(viewport=PHONE, color_scheme=scheme)
    page.goto(site.url + "/join/")
    for link, heading, path in (
        ("Privacy", "Privacy notice: what Pause stores, why, who sees it and for how long", "/privacy/"),
        ("For schools: data protection", "For schools: data protection", "/schools/"),
    ):
        page.goto(site.url + "/join/")
        footer_link = page.locator("footer").get_by_role("link", name=link)
        footer_link.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(site.url + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
        assert serious_axe_violations(page) == []
    assert site.offsite == []
