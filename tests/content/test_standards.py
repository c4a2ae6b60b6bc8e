"""The curriculum frameworks in content/standards/: each file valid, each statement at its publisher."""

import pytest

from courses.reader import ContentReader
from courses.schemas import StandardsFile

from .conftest import CONTENT

FILES = sorted((CONTENT / "standards").glob("*.yaml"))
# The frameworks issue 14 asks the map to show (RSHE, PSHE Association, ACARA v9, NZ, Ireland, Scotland, US).
REQUIRED = {"rshe", "pshe-association", "ac-hpe", "nz-hpe", "ie-sphe", "scot-hwb", "us-nses"}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_framework_file_validates(path):
    reader = ContentReader(CONTENT)
    parsed = reader.read_yaml(path, StandardsFile)
    assert reader.errors == [], "\n".join(map(str, reader.errors))
    assert parsed is not None and parsed.model.id == path.stem


def test_the_map_has_every_framework_the_issue_names(course):
    assert {f.id for f in course.standards.frameworks} >= REQUIRED


def test_every_framework_and_statement_links_to_a_curriculum_body_or_a_government(course):
    """Their URLs are not facts (the fact brief's test skips them): each is the publisher's own page."""
    for framework in course.standards.frameworks:
        for url in (framework.url, *(s.url for s in framework.statements)):
            publisher = course.publisher_of(url)
            assert publisher is not None, url
            assert publisher.kind in ("curriculum", "government"), url


def test_a_framework_with_statements_missing_says_so(course):
    """Nothing is paraphrased to fill a gap: a framework quoted only in part carries a note that says what is missing."""
    for framework in course.standards.frameworks:
        if len(framework.statements) < 5:
            assert framework.note and "not" in framework.note, f"{framework.id} needs a note on what is missing"


def test_lessons_map_only_to_statements_that_exist(course):
    refs = [ref for m in course.modules for ref in (*m.standards, *(r for lesson in m.lessons for r in lesson.standards))]
    assert refs, "no lesson maps to any statement"
    assert all(course.standards.statement(ref) for ref in refs)
