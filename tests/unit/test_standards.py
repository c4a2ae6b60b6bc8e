"""The standards registry: frameworks load once with the course, and every `standards:` reference is checked."""

from pathlib import Path

from courses.errors import Code
from courses.loader import load_course
from tests.conftest import VALID_CONTENT


def test_the_fixture_framework_loads_with_its_statements():
    course = load_course(VALID_CONTENT).course
    framework = course.standards.framework("example")
    assert framework is not None
    assert framework.short_name == "Example"
    assert [s.ref for s in framework.statements] == ["example:EX.1", "example:EX.2"]
    first = course.standards.statement("example:EX.1")
    assert (first.section, first.stage, first.url) == ("Test strand", "Key stage 3", "https://example.org/framework")
    assert course.module("alpha").lesson("first-lesson").standards == ("example:EX.1",)
    assert course.standards.statement("example:EX.9") is None


def _load_after(valid_content: Path, place: str, old: str, new: str):
    path = valid_content / place
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return load_course(valid_content)


def test_an_unknown_code_in_a_lesson_names_the_file_line_and_framework(valid_content):
    result = _load_after(valid_content, "modules/alpha/first-lesson.md", "[example:EX.1]", "[example:EX.7]")
    [error] = result.errors
    assert str(error) == (
        "content/modules/alpha/first-lesson.md:7: standards[0]: 'Example' has no statement 'EX.7' [content.E035]"
    )
    assert result.course.module("alpha").lesson("first-lesson").standards == ()  # the broken reference is dropped


def test_an_unknown_framework_in_a_module_names_the_known_ones(valid_content):
    result = _load_after(valid_content, "modules/alpha/module.yaml", "lessons:", "standards: [rshe:R1]\nlessons:")
    [error] = result.errors
    assert error.code == Code.UNKNOWN_STANDARD
    assert (error.path, error.line, error.where) == ("content/modules/alpha/module.yaml", 8, "standards[0]")
    assert error.message == "no framework 'rshe' in standards/ (known: example)"


def test_a_reference_without_a_framework_is_an_invalid_value(valid_content):
    result = _load_after(valid_content, "modules/alpha/first-lesson.md", "[example:EX.1]", "[EX.1]")
    assert [(e.line, e.code) for e in result.errors] == [(7, Code.INVALID_VALUE)]


def test_a_framework_whose_id_is_not_its_file_name_is_refused(valid_content):
    (valid_content / "standards" / "example.yaml").rename(valid_content / "standards" / "other.yaml")
    errors = load_course(valid_content).errors
    assert {(e.path, e.code) for e in errors} == {
        ("content/standards/other.yaml", Code.NAME_MISMATCH),
        ("content/modules/alpha/first-lesson.md", Code.UNKNOWN_STANDARD),  # its framework did not load
    }
