"""Issue 14 in a real browser: a new teacher goes from the home page to a class with modules assigned
and a QR code on every login card in under ten actions; the new pages pass axe, work at 390 px, and
load nothing from another host (the share links are plain links)."""

import re

import pytest
from playwright.sync_api import expect

from accounts import services as account_services
from classrooms.models import Assignment, Classroom
from courses.registry import get_course
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


class Actions:
    """Counts what the teacher does: each click, fill or choice is one action."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator_action):
        self.count += 1
        return locator_action


def test_a_new_teacher_sets_up_a_class_with_modules_and_qr_login_cards_in_under_ten_actions(site, page, axe):
    # Set-up, not counted: a teacher who has signed up (and confirmed) but has no class yet, signed in.
    account_services.staff_signup(email=TEACHER_EMAIL, name="Ms Rivera", password=PASSWORD, school_name="Hilltop")
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.goto(site.url + "/")
    axe(page, "home, teacher")
    band = get_course().age_bands[0]
    act = Actions()

    act(page.get_by_role("link", name="Set up a class (free)").click())
    expect(page).to_have_url(re.compile(r"/teach/$"))
    act(page.get_by_label("Class name").fill("7C Wednesday"))
    act(page.get_by_label("Age of the students").select_option(label=band.label))
    act(page.get_by_role("button", name="Make class").click())

    expect(page.get_by_role("heading", level=1)).to_have_text("7C Wednesday")
    expect(page.locator("section[aria-labelledby=joining] svg.qr")).to_have_count(1)
    axe(page, "class, new, with the suggested plan ticked")
    ticked = page.locator("#assign-many input[name=modules]:checked")
    assert ticked.count() >= 3
    act(page.get_by_role("button", name="Assign the ticked modules").click())
    expect(page.locator(".messages")).to_contain_text("assigned")

    act(page.get_by_role("link", name="Add students by name and print login cards").first.click())
    act(page.get_by_label("Students’ first names or nicknames, one per line").fill("Amira\nBen\nCleo"))
    act(page.get_by_role("button", name="Make login cards").click())

    cards = page.locator(".login-card")
    expect(cards).to_have_count(3)
    for card in cards.all():
        expect(card.locator("svg.qr")).to_have_count(1)
        expect(card).to_contain_text("Scan to open the sign-in page")
    axe(page, "login cards with QR codes")
    assert act.count < 10, act.count

    classroom = Classroom.objects.get(name="7C Wednesday")
    assert classroom.age_band == band.id
    assert Assignment.objects.filter(classroom=classroom).count() >= 3
    assert axe.found() == {}
    assert site.offsite == []


def test_the_new_class_pages_pass_axe_and_fit_a_phone(site, page, axe):
    account_services.staff_signup(email=TEACHER_EMAIL, name="Ms Rivera", password=PASSWORD, school_name="Hilltop")
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.goto(site.url + "/teach/")
    page.get_by_label("Class name").fill("9D")
    page.get_by_label("Age of the students").select_option(index=1)
    page.get_by_role("button", name="Make class").click()
    class_url = page.url
    page.get_by_role("button", name="Assign the whole course").click()
    expect(page.get_by_role("alert")).to_contain_text("Before you go ahead")  # a module above the band
    axe(page, "class, warnings to confirm")
    page.get_by_label("Yes, I have read the warnings: go ahead.").check()
    page.get_by_role("button", name="Assign the whole course").click()
    expect(page.locator(".messages")).to_contain_text("assigned")
    axe(page, "class, whole course assigned")
    page.get_by_role("link", name="Letter to families").click()
    page.get_by_label("A paragraph from the school (optional)").fill("Lessons are on Wednesdays, period 3.")
    page.get_by_role("button", name="Save paragraph").click()
    expect(page.locator(".family-letter")).to_contain_text("Lessons are on Wednesdays, period 3.")
    axe(page, "letter to families")
    pages = {
        "class": class_url,
        "letter": page.url,
        "how it works": site.url + "/schools/how-it-works/",
        "join link": site.url + "/join/?code=ABCD-EFGH",
        "home": site.url + "/",
    }
    page.goto(pages["how it works"])
    axe(page, "how it works")
    page.goto(pages["join link"])
    expect(page.get_by_label("Class code")).to_have_value("ABCD-EFGH")
    axe(page, "join, code filled in")
    page.set_viewport_size({"width": 390, "height": 844})
    for name, url in pages.items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} is {width} px wide"
    page.emulate_media(color_scheme="dark")
    page.goto(class_url)
    axe(page, "class, dark, phone")
    assert axe.found() == {}
    assert site.offsite == []
