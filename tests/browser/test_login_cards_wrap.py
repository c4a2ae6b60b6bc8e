"""Login cards on screen (review D20): the sign-in address wraps inside each card, never into the next."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, make_class, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NAMES = ["Amara", "Ben", "Chen", "Dev", "Eli", "Fay", "Gus", "Hana", "Zoë-Louise O'Neill-Smith"]

OVERFLOWING = """() => [...document.querySelectorAll('.login-card')].flatMap((card) => {
  const edge = card.getBoundingClientRect().right;
  return [...card.querySelectorAll('p, span')].filter((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getBoundingClientRect().right > edge + 0.5 || el.scrollWidth > el.clientWidth + 1;
  }).map((el) => el.textContent.trim());
})"""


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_every_line_of_a_login_card_stays_inside_the_card(site, page, width):
    classroom = make_class()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.goto(f"{site.url}/teach/classes/{classroom.pk}/roster/")
    page.get_by_label("Students’ first names or nicknames, one per line").fill("\n".join(NAMES))
    page.get_by_role("button", name="Make login cards").click()
    # The long full name is warned about as a possible surname (D20): the teacher keeps it as typed.
    page.get_by_label("Add them as typed.").check()
    page.get_by_role("button", name="Make login cards").click()
    expect(page).to_have_url(re.compile(r"/cards/$"))
    expect(page.locator(".login-card")).to_have_count(len(NAMES))
    expect(page.locator(".login-card").first).to_contain_text(f"Sign in at {site.url}/accounts/login/")
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
