"""A school admin in a real browser hands a class to another teacher, who then finds it on /teach/;
and a teacher makes new login cards for the students they tick, after a page that says what happens.
Every page checked with axe; everything works without JavaScript (plain forms and links)."""

import re

import pytest
from playwright.sync_api import expect

from accounts import services as account_services
from classrooms.models import Classroom
from tests.browser.journeys import CLASS_NAME, PASSWORD, User, make_class, sign_in
from tests.classroom_world import PASSWORD as WORLD_PASSWORD
from tests.classroom_world import build_school

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_school_admin_hands_a_class_to_another_teacher_who_then_sees_it(site, page, new_page, axe):
    school = build_school("a")
    code = school.admin.staff_membership.school.staff_code
    newcomer = account_services.staff_signup(
        email="okafor@example.org", name="Mr Okafor", password=WORLD_PASSWORD, staff_code=code
    )
    sign_in(page, site, school.admin.username, WORLD_PASSWORD)
    page.goto(site.url + "/teach/school/")
    expect(page.get_by_role("heading", level=1)).to_have_text("School a")
    expect(page.get_by_role("row", name=re.compile("Mr Okafor"))).to_contain_text("okafor@example.org")
    axe(page, "school page")

    page.get_by_label("Hand “Class a” to").select_option(label="Mr Okafor")
    page.get_by_role("button", name="Hand over “Class a”").click()
    expect(page).to_have_url(re.compile(r"/teach/school/$"))
    expect(page.locator(".messages")).to_contain_text("“Class a” is now Mr Okafor’s class.")
    assert Classroom.objects.get(pk=school.classroom.pk).teacher_id == newcomer.pk

    # The previous teacher is deactivated: they can no longer sign in, and the class stays with Mr Okafor.
    page.get_by_role("button", name="Deactivate Teacher a").click()
    expect(page.locator(".messages")).to_contain_text("Teacher a can no longer sign in")
    axe(page, "school page after changes")

    other = new_page()
    sign_in(other, site, "okafor@example.org", WORLD_PASSWORD)
    expect(other).to_have_url(re.compile(r"/teach/$"))
    other.get_by_role("link", name="Class a").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("Class a")
    expect(other.get_by_text("Teacher: Mr Okafor")).to_be_visible()

    gone = new_page()
    sign_in(gone, site, school.teacher.username, WORLD_PASSWORD)
    expect(gone).to_have_url(re.compile(r"/accounts/login/"))
    assert axe.found() == {}
    assert site.offsite == []


def test_a_teacher_makes_new_cards_for_the_students_they_tick(site, page, axe):
    classroom = make_class()
    from classrooms.services import students as student_services

    logins = student_services.roster_create(classroom=classroom, names=["Amira", "Ben", "Chloe"])
    old = {issued.nickname: issued for issued in logins}
    sign_in(page, site, classroom.teacher.username, PASSWORD)
    page.goto(site.url + f"/teach/classes/{classroom.pk}/")
    page.get_by_role("link", name=re.compile("New login cards for everyone")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"New login cards for {CLASS_NAME}?")
    expect(page.get_by_text("3 students’ old cards stop working and they are signed out")).to_be_visible()
    axe(page, "reissue confirmation")
    page.get_by_label("Ben").uncheck()
    page.get_by_role("button", name="Make new cards").click()  # not confirmed yet
    expect(page.get_by_text("Tick this box to confirm.")).to_be_visible()
    axe(page, "reissue confirmation, not confirmed")
    page.get_by_label("Amira").check()
    page.get_by_label("Chloe").check()
    page.get_by_label("Ben").uncheck()
    page.get_by_label(re.compile("their old passphrases stop working")).check()
    page.get_by_role("button", name="Make new cards").click()

    expect(page).to_have_url(re.compile(r"/cards/$"))
    cards = page.locator(".login-card")
    expect(cards).to_have_count(2)
    expect(cards.filter(has_text="Ben")).to_have_count(0)
    axe(page, "new cards")

    # Ben's old card still works; Amira's old one does not.
    ben = User.objects.get(username=old["Ben"].username)
    assert ben.check_password(old["Ben"].passphrase)
    amira = User.objects.get(username=old["Amira"].username)
    assert not amira.check_password(old["Amira"].passphrase)
    assert axe.found() == {}
    assert site.offsite == []
