"""What the course-text tests share: the real course and its quizzes, loaded once per module."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from courses.loader import load_course
from quizzes.loader import load_quizzes

CONTENT = Path(settings.BASE_DIR) / "content"
FACT_BRIEF = (Path(settings.BASE_DIR) / "docs" / "research" / "facts.md").read_text(encoding="utf-8")
MODULES = ["consent", "digital-permanence", "image-law", "after-a-leak", "sextortion", "ai-and-deepfakes",
           "bystanders", "healthy-relationships"]  # fmt: skip
REGIONS = ["us", "england-wales", "scotland", "northern-ireland", "canada", "australia", "ireland", "new-zealand"]
STALE_AFTER = datetime.timedelta(days=365)
BRIEF_LOWER = FACT_BRIEF.lower()


@pytest.fixture(scope="module")
def course():
    result = load_course(CONTENT)
    assert result.errors == [], "\n".join(map(str, result.errors))
    return result.course


@pytest.fixture(scope="module")
def quizzes(course):
    result = load_quizzes(course, CONTENT)
    assert result.errors == [], "\n".join(map(str, result.errors))
    return result.quizzes


def content_files():
    return [p for p in CONTENT.rglob("*") if p.is_file() and p.suffix in {".md", ".yaml"} and "schema" not in p.parts]
