"""Issue 16: a teacher reads /changes/ filtered to their region, opens their region's law card from its
last change, and reports a problem on it; on a phone, axe clean, nothing scrolls sideways. The filter
works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from courses.registry import get_course
from feedback.models import ProblemReport
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, make_class, sign_in
from tools.pages import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_teacher_reads_changes_for_their_region_and_reports_a_problem_on_its_law_card(site, page, axe):
    make_class()
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    expect(page).to_have_url(re.compile(r"/teach/$"))
    page.set_viewport_size(PHONE)

    page.locator("footer").get_by_role("link", name="What changed").click()
    expect(page).to_have_url(site.url + "/changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What changed")
    course = get_course()
    expect(page.locator(".change-entry")).to_have_count(len(course.changes))
    page.get_by_label("Show changes for").select_option(label="Scotland")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(site.url + "/changes/?region=scotland")
    expect(page.get_by_role("heading", level=1)).to_have_text("What changed for Scotland")
    scottish = [change for change in course.changes if change.concerns("scotland")]
    expect(page.locator(".change-entry")).to_have_count(len(scottish))
    expect(page.get_by_role("link", name="Follow these changes in a feed reader (Atom)")).to_have_attribute(
        "href", "/changes/feed/?region=scotland"
    )
    axe(page, "changes for a region, phone")
    _fits(page)

    page.goto(site.url + "/law/scotland/")
    last = course.last_change_of("law/scotland.yaml")
    assert last is not None
    expect(page.locator(".last-change")).to_contain_text("Last change:")
    expect(page.locator(".last-change").get_by_role("link", name=last.title)).to_have_attribute(
        "href", f"/changes/#{last.id}"
    )
    page.get_by_role("link", name="Report a problem with this page").click()
    expect(page).to_have_url(site.url + "/report/?page=%2Flaw%2Fscotland%2F")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a problem with a page")
    axe(page, "report form, phone")
    _fits(page)
    page.get_by_label("What is wrong?").fill("The second source link on this card no longer opens.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    axe(page, "report sent, phone")
    _fits(page)
    page.get_by_role("link", name="Back to the page").click()
    expect(page).to_have_url(site.url + "/law/scotland/")

    report = ProblemReport.objects.get()
    assert (report.page, report.contact, report.status) == ("/law/scotland/", "", "open")
    assert report.what == "The second source link on this card no longer opens."
    assert axe.found() == {}
    assert site.offsite == []


def test_the_region_filter_and_the_report_form_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    site.keep_on_site(context)
    page = context.new_page()
    try:
        page.goto(site.url + "/changes/")
        page.get_by_label("Show changes for").select_option(label="Ireland")
        page.get_by_role("button", name="Show").click()
        expect(page).to_have_url(site.url + "/changes/?region=ireland")
        expected = [change for change in get_course().changes if change.concerns("ireland")]
        expect(page.locator(".change-entry")).to_have_count(len(expected))
        _fits(page)

        page.goto(site.url + "/help/in/ireland/")
        page.get_by_role("link", name="Report a problem with this page").click()
        page.get_by_label("What is wrong?").fill("A phone number here is out of date.")
        page.get_by_label("How can we reach you? (optional)").fill("teacher@school.example")
        page.get_by_role("button", name="Send report").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
        report = ProblemReport.objects.get()
        assert (report.page, report.contact) == ("/help/in/ireland/", "teacher@school.example")
    finally:
        context.close()
