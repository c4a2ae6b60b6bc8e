"""Broken content stops `manage.py check` with every error in path:line form."""

import shutil
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from courses import registry
from courses.loader import load_course
from tests.conftest import INVALID_CONTENT


def test_the_real_course_loads_without_errors():
    result = load_course(django_settings.BASE_DIR / "content")
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert result.course.module("consent") is not None


def test_manage_py_check_fails_and_lists_every_content_error(valid_content):
    shutil.copyfile(INVALID_CONTENT / "duplicate-key.module.yaml", valid_content / "modules/alpha/module.yaml")
    shutil.copyfile(INVALID_CONTENT / "unreachable-service.help.yaml", valid_content / "help/testland.yaml")
    completed = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env={**__import__("os").environ, "PAUSE_CONTENT_DIR": str(valid_content)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode != 0
    assert "content/modules/alpha/module.yaml:6: title: duplicate key 'title' (first at line 3) [content.E002]" in (
        completed.stderr
    )
    assert (
        "content/help/testland.yaml:25: services[2]: a help service needs a url, a phone number or a text line [content.E015]"
        in (completed.stderr)
    )
    assert "Traceback" not in completed.stderr


def test_validate_content_command_reports_and_fails(valid_content, capsys):
    shutil.copyfile(INVALID_CONTENT / "no-sources.guide.md", valid_content / "guides/for-parents.md")
    with pytest.raises(Exception, match="1 content error"):
        call_command("validate_content", content=valid_content)
    assert "[content.E014]" in capsys.readouterr().err


def test_the_system_check_uses_the_configured_content(settings, valid_content):
    from courses.checks import check_content

    shutil.copyfile(INVALID_CONTENT / "empty.lesson.md", valid_content / "modules/alpha/first-lesson.md")
    settings.PAUSE_CONTENT_DIR = valid_content
    try:
        [error] = check_content()
        assert str(error) == "content/modules/alpha/first-lesson.md:1: the file is empty [content.E004]"
    finally:
        registry.reset()


def test_an_unknown_curriculum_code_stops_the_system_check(settings, valid_content):
    from courses.checks import check_content

    shutil.copyfile(INVALID_CONTENT / "unknown-standard.lesson.md", valid_content / "modules/alpha/first-lesson.md")
    settings.PAUSE_CONTENT_DIR = valid_content
    try:
        [error] = check_content()
        assert str(error) == (
            "content/modules/alpha/first-lesson.md:9: standards[1]: 'Example' has no statement 'EX.9' [content.E035]"
        )
    finally:
        registry.reset()


def test_a_broken_practice_check_stops_the_system_check_at_its_file_and_line(settings, valid_content):
    from courses.checks import check_content

    shutil.copyfile(INVALID_CONTENT / "broken-check.lesson.md", valid_content / "modules/alpha/first-lesson.md")
    settings.PAUSE_CONTENT_DIR = valid_content
    try:
        assert [str(error) for error in check_content()] == [
            "content/modules/alpha/first-lesson.md:22: practice check: unknown key 'colour' [content.E036]",
            "content/modules/alpha/first-lesson.md:23: practice check: missing required key 'feedback' [content.E036]",
        ]
    finally:
        registry.reset()
