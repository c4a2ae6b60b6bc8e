"""The content loader: a valid course loads; each defect is reported with its file, line and code."""

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.errors import ContentError
from courses.loader import load_course
from quizzes.loader import load_quizzes
from tests.conftest import INVALID_CONTENT, VALID_CONTENT

CASES = yaml.safe_load((INVALID_CONTENT / "cases.yaml").read_text(encoding="utf-8"))


def test_the_valid_fixture_course_loads_without_errors():
    result = load_course(VALID_CONTENT)
    assert result.errors == []
    course = result.course
    module = course.module("alpha")
    assert [lesson.id for lesson in module.lessons] == ["first-lesson", "second-lesson"]
    assert module.lessons[1].content_note == "This lesson is about threats."
    assert module.content_note == "This module talks about pressure."
    assert module.teacher_notes.minutes == 40
    assert course.guide("for-parents").module_ids == ("alpha",)
    card = course.law_cards["testland"]
    assert [entry.topic for entry in card.entries][:3] == ["age-of-consent", "image-age", "possession"]
    assert card.entry("deepfakes").not_confirmed_html == (
        "<p>A new law on fakes of adults is reported but not yet confirmed.</p>",
    )
    directory = course.help_directories["testland"]
    # The lessons' order: danger, someone to talk to, reporting, taking down; adults' help only for adults.
    assert [s.id for s in directory.services_for("under-18")] == [
        "emergency",
        "talk-line",
        "crisis",
        "report-line",
        "young-line",
    ]
    assert [s.id for s in directory.services_for("adult")] == ["emergency", "talk-line", "crisis", "adult-line"]
    assert directory.emergency.phone == "999"
    assert [section.id for section in directory.sections_for(None)][-1] == "own-behaviour"
    # A reader's own section (parents here) also shows services whose first kind is another.
    parents = next(section for section in directory.sections_for(None) if section.id == "parents")
    assert [s.id for s in parents.services] == ["talk-line"]
    assert [step.id for step in course.first_steps] == ["stop", "tell", "save"]
    assert course.module("alpha").sources[0].publisher == "The Example Organisation"  # from publishers.yaml


def test_lessons_are_rendered_and_sanitised_once_at_load():
    lesson = load_course(VALID_CONTENT).course.module("alpha").lesson("first-lesson")
    assert '<h2 id="start-here">Start here</h2>' in lesson.html
    assert 'class="admonition note"' in lesson.html
    assert lesson.word_count > 5
    assert len(lesson.content_hash) == 16


def test_every_invalid_fixture_is_a_case():
    files = {p.name for p in INVALID_CONTENT.iterdir() if p.name != "cases.yaml"}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_defect_is_reported_with_its_file_line_and_code(name, valid_content):
    case = CASES[name]
    target = valid_content / case["place"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INVALID_CONTENT / name, target)

    result = load_course(valid_content)
    errors = result.errors + (load_quizzes(result.course, valid_content).errors if result.course else [])

    reported_file = f"content/{case.get('file', case['place'])}"
    expected = [(reported_file, line, code) for line, code in case["expect"]]
    assert [(e.path, e.line, e.code) for e in errors] == expected, "\n".join(map(str, errors))


def test_all_errors_are_reported_at_once(valid_content):
    shutil.copyfile(INVALID_CONTENT / "duplicate-key.module.yaml", valid_content / "modules/alpha/module.yaml")
    shutil.copyfile(INVALID_CONTENT / "no-sources.guide.md", valid_content / "guides/for-parents.md")
    shutil.copyfile(INVALID_CONTENT / "unreachable-service.help.yaml", valid_content / "help/testland.yaml")
    codes = {e.code for e in load_course(valid_content).errors}
    assert {"content.E002", "content.E014", "content.E015"} <= codes


def test_error_text_names_file_line_place_and_code(valid_content):
    shutil.copyfile(INVALID_CONTENT / "yaml-no-is-false.module.yaml", valid_content / "modules/alpha/module.yaml")
    [error] = load_course(valid_content).errors
    assert str(error) == (
        "content/modules/alpha/module.yaml:3: title: Input should be a valid string (got False) [content.E008]"
    )


def test_a_missing_course_file_is_an_error_not_a_crash(tmp_path):
    result = load_course(tmp_path)
    assert result.course is None
    assert [e.code for e in result.errors] == ["content.E011"]


def test_a_module_listed_without_a_folder_is_reported(valid_content):
    course_yaml = valid_content / "course.yaml"
    course_yaml.write_text(course_yaml.read_text().replace("  - alpha\n", "  - alpha\n  - ghost\n"))
    [error] = load_course(valid_content).errors
    assert (error.path, error.line, error.code) == ("content/course.yaml", 9, "content.E011")


# --- fuzzing: random files give content errors or success, never another exception ----------------

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)
KEYS = ["schema_version", "id", "title", "summary", "age_min", "objectives", "lessons", "sources", "reviewed",
        "minutes", "region", "entries", "services", "url", "phone", "audience", "modules", "items", "kind",
        "pass_mark", "intro", "steps", "start", "choices", "endings", "options", "answer", "standards",
        "statements", "code", "text", "short_name", "publisher", "version"]  # fmt: skip
plausible_documents = st.dictionaries(st.sampled_from(KEYS), yaml_values, max_size=10).map(
    lambda d: {"schema_version": 1, **d}
)
PLACES = ["course.yaml", "modules/alpha/module.yaml", "modules/alpha/quiz.yaml", "law/testland.yaml",
          "help/testland.yaml", "standards/example.yaml"]  # fmt: skip
MARKDOWN_PLACES = ["modules/alpha/first-lesson.md", "modules/alpha/teacher.md", "guides/for-parents.md"]


def _load_with(place: str, data: bytes) -> list[ContentError]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(VALID_CONTENT, root)
        (root / place).write_bytes(data)
        result = load_course(root)
        errors = result.errors + (load_quizzes(result.course, root).errors if result.course else [])
    assert all(isinstance(error, ContentError) and error.code.startswith("content.E") for error in errors)
    return errors


fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(place=st.sampled_from(PLACES), text=st.text(max_size=300))
def test_random_text_as_yaml_never_crashes(place, text):
    _load_with(place, text.encode("utf-8", "surrogatepass"))


@fuzz
@given(place=st.sampled_from(PLACES), document=plausible_documents)
def test_random_documents_never_crash(place, document):
    _load_with(place, yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass"))


@fuzz
@given(place=st.sampled_from(MARKDOWN_PLACES), front=plausible_documents, body=st.text(max_size=400))
def test_random_markdown_never_crashes(place, front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    _load_with(place, text.encode("utf-8", "surrogatepass"))


@fuzz
@given(place=st.sampled_from(PLACES + MARKDOWN_PLACES), data=st.binary(max_size=200))
def test_random_bytes_never_crash(place, data):
    _load_with(place, data)
