"""The printable module pack: downloading it, and the PDF real Chromium makes (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pytest

from courses.registry import get_course
from quizzes import packs, pdf
from tests.browser.conftest import CHROMIUM
from tests.browser.journeys import PASSWORD, TEACHER_EMAIL, make_class, sign_in
from tests.pdf_tools import link_targets, page_png

pytestmark = pytest.mark.django_db

# A PDF with one link to another host, to show that link_targets() finds such a link.
LINKED_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Annots[4 0 R]>>endobj\n"
    b"4 0 obj<</Type/Annot/Subtype/Link/Rect[10 10 100 40]/A<</S/URI/URI(https://other.example/x)>>>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_link_targets_finds_a_link_to_another_host(tmp_path):
    linked = tmp_path / "linked.pdf"
    linked.write_bytes(LINKED_PDF)
    assert link_targets(linked) == ["https://other.example/x"]


def test_the_real_pdf_has_more_pages_than_lessons_draws_them_and_links_nowhere(settings, tmp_path):
    settings.PAUSE_CHROMIUM = CHROMIUM  # the real one, not the tests' stand-in
    pack = packs.pack_get(module_id="consent", answers=True)  # the teacher's copy: the answers come last
    path, made = pdf.pack_pdf_build(pack=pack)
    assert made
    document = pdfium.PdfDocument(path)
    assert len(document) > len(pack.lessons) + 3  # a cover and notes, the lessons, worksheet, cards, slip, answers
    for index in (0, len(document) - 1):  # the cover and the answer page
        png, inked = page_png(document[index])
        assert png.startswith(b"\x89PNG")
        (tmp_path / f"page-{index}.png").write_bytes(png)
        assert inked > 1000, f"page {index + 1} of the PDF is blank"
    first_page = document[0].get_textpage().get_text_range()
    assert "Consent" in first_page
    assert "printable pack" in first_page
    last_page = document[len(document) - 1].get_textpage().get_text_range()
    assert "Answers to the worksheet" in document[len(document) - 2].get_textpage().get_text_range() + last_page
    offsite = [target for target in link_targets(path) if urlsplit(target).netloc]
    assert offsite == []


def test_a_teacher_downloads_the_pack_from_the_teacher_notes(site, page, tmp_path):
    module = get_course().module("consent")
    assert module is not None
    make_class()
    sign_in(page, site, TEACHER_EMAIL, PASSWORD)
    page.goto(f"{site.url}/modules/consent/teacher-notes/")
    page.get_by_role("link", name=re.compile("^Printable pack")).click()
    page.wait_for_url(re.compile(r"/modules/consent/pack/$"))
    assert page.get_by_role("heading", name="Worksheet: Consent").is_visible()
    assert page.get_by_role("heading", name="Answers to the worksheet (for the teacher)").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the pack (PDF, with the answers)").click()
    download = download_info.value
    assert download.suggested_filename == "pause-consent-pack.pdf"
    saved = Path(tmp_path) / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert site.offsite == []
