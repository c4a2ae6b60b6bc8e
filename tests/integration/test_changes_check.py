"""A law card or help directory that changes without a changelog entry is refused by `manage.py check`."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.core.management import call_command

from courses.loader import load_course


def _check(content_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "PAUSE_CONTENT_DIR": str(content_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _edit_law_card(content_dir) -> None:
    card = content_dir / "law" / "testland.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("It is **16**.", "It is **16** in Testland."))


def test_a_law_card_edited_without_an_entry_is_refused_with_its_file_line_and_the_fix(valid_content, capsys):
    _edit_law_card(valid_content)
    completed = _check(valid_content)
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr
    # Once from the check, once from the log of the failed load: the same line.
    [line] = {text.strip() for text in completed.stderr.splitlines() if "content.E037" in text}
    assert line.startswith("content/law/testland.yaml:1: changed since its latest entry in content/changes.yaml")
    assert "'testland-law-card', line 17, records 328d12fe75029834" in line
    assert "manage.py changes_hash content/law/testland.yaml" in line

    call_command("changes_hash", str(valid_content / "law" / "testland.yaml"))
    printed = capsys.readouterr().out.strip()
    new_hash = printed.split(": ")[-1]
    assert len(new_hash) == 16
    assert new_hash in line, "the error and the command give the same hash"


def test_an_entry_with_the_new_hash_makes_the_check_pass_again(valid_content, capsys):
    _edit_law_card(valid_content)
    call_command("changes_hash", str(valid_content / "law" / "testland.yaml"))
    new_hash = capsys.readouterr().out.strip().split(": ")[-1]
    changes = valid_content / "changes.yaml"
    changes.write_text(
        changes.read_text(encoding="utf-8")
        + "  - id: testland-law-card-again\n    date: 2026-03-01\n    kind: law-card\n"
        + "    title: Testland's age of consent reworded\n    summary: Clearer.\n"
        + f"    regions: [testland]\n    link: /law/testland/\n    files:\n      law/testland.yaml: {new_hash}\n"
    )
    result = load_course(valid_content)
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert result.course.last_change_of("law/testland.yaml").id == "testland-law-card-again"
    completed = _check(valid_content)
    assert completed.returncode == 0, completed.stderr


def test_a_help_directory_no_entry_names_is_refused(valid_content):
    changes = valid_content / "changes.yaml"
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text.replace("    files:\n      help/testland.yaml: a32f1f7cc03a94b9\n", ""))
    errors = [str(e) for e in load_course(valid_content).errors]
    assert len(errors) == 1
    assert errors[0].startswith("content/help/testland.yaml:1: no entry in content/changes.yaml records this file")
    assert errors[0].endswith("[content.E037]")


def test_the_real_course_records_every_law_card_and_help_directory():
    course = load_course(django_settings.BASE_DIR / "content").course
    for region in course.regions:
        assert course.last_change_of(f"law/{region.id}.yaml") is not None
        assert course.last_change_of(f"help/{region.id}.yaml") is not None
    dates = [change.date for change in course.changes]
    assert dates == sorted(dates, reverse=True), "the changelog reads newest first"
