"""Issue 16: the licences and the footer, /about/, /changes/ and its Atom feed, and each page's last change."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from courses.registry import get_course

ATOM = "{http://www.w3.org/2005/Atom}"
ROOT = Path(settings.BASE_DIR)


# --- licences ---------------------------------------------------------------------------------


def test_the_licence_files_exist_with_their_licences():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in code
    assert "Version 2.0, January 2004" in code
    assert "END OF TERMS AND CONDITIONS" in code
    content = (ROOT / "content" / "LICENSE").read_text(encoding="utf-8")
    assert content.startswith("Attribution-ShareAlike 4.0 International")
    assert "Section 1 -- Definitions." in content
    assert "Section 8 -- Interpretation." in content
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    for words in ("Apache License", "CC BY-SA 4.0", "help services", "Quoted law", "Bootstrap v5.3.9"):
        assert words in notice


def test_every_vendored_folder_is_named_in_notice_with_its_version():
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    vendored = sorted(p.name for p in (ROOT / "static" / "vendor").iterdir() if p.is_dir())
    assert vendored, "static/vendor/ holds Bootstrap at least"
    missing = [name for name in vendored if f"- {name}:" not in notice]
    assert not missing, f"NOTICE does not list static/vendor/{missing}: add each with its version and licence"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["courses:home", "courses:law", "core:privacy", "core:about", "courses:changes"])
def test_the_footer_says_how_the_course_is_licensed(client, name):
    page = client.get(reverse(name)).content.decode()
    footer = page[page.index("<footer") :]
    assert "Course text and pictures: CC BY-SA 4.0. Code: Apache-2.0." in footer
    assert 'href="/about/#licence"' in footer


@pytest.mark.django_db
def test_about_says_who_it_is_for_how_facts_are_checked_and_how_to_reuse_it(client):
    page = client.get(reverse("core:about")).content.decode()
    for anchor in ('id="for-whom"', 'id="facts"', 'id="reviewed"', 'id="licence"', 'id="attribution"'):
        assert anchor in page
    assert "Primary sources first" in page
    assert "at least every 12 months" in page
    assert "CC BY-SA 4.0" in page
    assert "Apache License 2.0" in page


def test_the_about_page_states_the_review_rule_the_tests_enforce():
    from tests.content.conftest import STALE_AFTER

    assert STALE_AFTER.days == 365, "/about/ says law cards are re-checked at least every 12 months"


@pytest.mark.django_db
def test_present_view_and_printable_pack_carry_the_attribution_line(client):
    course = get_course()
    module = course.modules[0]
    lesson = module.lessons[0]
    present = client.get(reverse("courses:present", args=[module.id, lesson.id])).content.decode()
    assert f"“{lesson.title}” is from Pause, an open course on intimate images." in present.replace("&#x27;", "'")
    assert "CC BY-SA 4.0 (creativecommons.org/licenses/by-sa/4.0/)" in present
    pack = client.get(reverse("quizzes:pack", args=[module.id])).content.decode()
    assert "is from Pause, an open course on intimate images." in pack
    assert "/about/#licence" in pack


# --- /changes/ and the feed ------------------------------------------------------------------------


@pytest.mark.django_db
def test_changes_lists_every_entry_newest_first(client):
    page = client.get(reverse("courses:changes")).content.decode()
    changes = get_course().changes
    assert changes
    positions = [page.index(f'id="{change.id}"') for change in changes]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_changes_filtered_by_region_keeps_that_regions_and_everyones(client):
    course = get_course()
    page = client.get(reverse("courses:changes"), {"region": "ireland"}).content.decode()
    for change in course.changes:
        shown = f'id="{change.id}"' in page
        assert shown == change.concerns("ireland"), change.id
    assert 'id="2026-12-02-law-cards-re-read"' not in page  # six regions, not Ireland
    assert 'id="2026-11-22-course-published"' in page  # every region
    assert '<option value="ireland" selected>' in page


@pytest.mark.django_db
def test_an_unknown_region_shows_every_change_and_says_so(client):
    response = client.get(reverse("courses:changes"), {"region": "atlantis<script>"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>" not in page.split("<main", 1)[1].split("</main>")[0]
    assert "here are the changes for every region" in page
    assert all(f'id="{change.id}"' in page for change in get_course().changes)


@pytest.mark.django_db
def test_the_feed_parses_as_atom_with_ids_dates_titles_and_links(client):
    response = client.get(reverse("courses:changes-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own feed, in a test)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}title")
    assert root.findtext(f"{ATOM}updated")
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Pause"  # required when entries name no author
    entries = root.findall(f"{ATOM}entry")
    changes = get_course().changes
    assert len(entries) == len(changes)
    for entry, change in zip(entries, changes, strict=True):
        assert entry.findtext(f"{ATOM}title").endswith(change.title)
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated").startswith(change.date.isoformat())
        link = entry.find(f"{ATOM}link")
        assert link is not None
        assert link.get("href").endswith(f"/changes/#{change.id}")


@pytest.mark.django_db
def test_the_feed_for_a_region_holds_only_what_concerns_it(client):
    root = ET.fromstring(client.get(reverse("courses:changes-feed"), {"region": "ireland"}).content)  # noqa: S314
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    expected = [c for c in get_course().changes if c.concerns("ireland")]
    assert len(titles) == len(expected)
    assert len(expected) < len(get_course().changes)


@pytest.mark.django_db
@pytest.mark.parametrize("region", ["scotland", "ireland"])
def test_law_card_and_help_page_show_their_last_change_with_a_link(client, region):
    course = get_course()
    for url, file in (
        (reverse("courses:law-region", args=[region]), f"law/{region}.yaml"),
        (reverse("courses:help-region", args=[region]), f"help/{region}.yaml"),
    ):
        page = client.get(url).content.decode()
        change = course.last_change_of(file)
        assert f'href="/changes/#{change.id}"' in page, url
        assert "Last change:" in page
