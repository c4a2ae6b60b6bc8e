import pytest
import yaml

from courses.yamlpos import line_of, load_positioned


def test_lines_of_keys_and_items_are_kept():
    document = load_positioned("a: 1\nb:\n  - x: 1\n    y: 2\n  - 3\n")
    assert line_of(document.data, ("a",)) == 1
    assert line_of(document.data, ("b", 0, "y")) == 4
    assert line_of(document.data, ("b", 1)) == 5


def test_a_missing_place_reports_the_nearest_existing_one():
    document = load_positioned("a:\n  b: 1\n")
    assert line_of(document.data, ("a", "nope", 3)) == 1


def test_duplicate_keys_are_collected_not_silently_overwritten():
    document = load_positioned("title: one\nsummary: s\ntitle: two\n")
    assert [(d.key, d.line, d.first_line) for d in document.duplicates] == [("title", 3, 1)]


def test_line_offset_shifts_every_line():
    document = load_positioned("a: 1\nb: 2\n", line_offset=10)
    assert line_of(document.data, ("b",)) == 12


def test_yaml_still_means_yaml():
    data = load_positioned("answer: no\ndate: 2026-01-02\n").data
    assert isinstance(data, dict)
    assert data["answer"] is False
    assert str(data["date"]) == "2026-01-02"


def test_syntax_errors_raise_yaml_errors():
    with pytest.raises(yaml.YAMLError):
        load_positioned("a: [unclosed\n")
