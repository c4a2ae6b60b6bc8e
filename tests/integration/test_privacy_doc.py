"""docs/privacy.md describes every stored field: adding a model field without documenting it fails here.

Each model has a section whose heading holds its label in backticks (``### `classrooms.Classroom` ``),
and a table row per field whose first cell is the field's name in backticks (``| `join_code` | … |``).
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

from django.apps import apps
from django.conf import settings

DOC = Path(settings.BASE_DIR) / "docs" / "privacy.md"

# Apps whose rows are described field by field: ours, and the installed ones that store rows about people.
DOCUMENTED_APPS = {
    "accounts",
    "courses",
    "quizzes",
    "classrooms",
    "prepost",
    "feedback",
    "auth",
    "sessions",
    "admin",
    "axes",
    "contenttypes",
}

HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*)$")
LABEL = re.compile(r"`(?P<label>[A-Za-z_]\w*\.[A-Z]\w*)`")
ROW = re.compile(r"^\|\s*`(?P<field>[^`]+)`\s*\|")


def doc_sections(text: str) -> dict[str, list[str]]:
    """Model label -> the field names of the table rows in that label's section (up to the next heading)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading:
            labels = LABEL.findall(heading["title"])
            current = None
            for label in labels:
                current = sections.setdefault(label, [])
            continue
        row = ROW.match(line.strip())
        if row and current is not None:
            current.append(row["field"])
    return sections


def stored_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields] + [f.name for f in model._meta.many_to_many]


def documented_models():
    return [model for model in apps.get_models() if model._meta.app_label in DOCUMENTED_APPS]


def test_every_stored_field_of_every_model_is_in_the_privacy_doc():
    sections = doc_sections(DOC.read_text(encoding="utf-8"))
    missing = []
    for model in documented_models():
        label = model._meta.label
        if label not in sections:
            missing.append(f"{label}: no section (a heading like ### `{label}`), fields {stored_fields(model)}")
            continue
        documented = set(sections[label])
        missing += [f"{label}.{name}" for name in stored_fields(model) if name not in documented]
    assert not missing, (
        "docs/privacy.md does not describe these stored models/fields. Add a table row "
        "(| `field` | what | why | who sees it | kept |) under the model's heading:\n  " + "\n  ".join(missing)
    )


def test_the_privacy_doc_names_no_model_or_field_that_is_not_stored():
    sections = doc_sections(DOC.read_text(encoding="utf-8"))
    models = {model._meta.label: model for model in apps.get_models()}
    stale = []
    for label, rows in sections.items():
        model = models.get(label)
        if model is None:
            stale.append(f"{label}: no such model")
            continue
        fields = set(stored_fields(model))
        stale += [f"{label}.{name}" for name in rows if name not in fields]
    assert not stale, "docs/privacy.md describes things that are not stored (remove or rename):\n  " + "\n  ".join(
        stale
    )


def test_every_installed_app_with_tables_is_documented():
    """A newly installed app that stores rows needs a decision: describe its models here."""
    undocumented = sorted({model._meta.app_label for model in apps.get_models()} - DOCUMENTED_APPS)
    assert not undocumented, (
        f"Installed apps with database tables not covered by docs/privacy.md: {undocumented}. "
        "Document their models and add them to DOCUMENTED_APPS."
    )


def test_the_privacy_doc_states_the_retention_period_and_the_purge_command(monkeypatch):
    # The default as written in config/settings.py, whatever RETENTION_DAYS this test run has set.
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    default = runpy.run_path(str(Path(settings.BASE_DIR) / "config" / "settings.py"))["RETENTION_DAYS"]
    text = DOC.read_text(encoding="utf-8")
    paragraphs = re.split(r"\n\s*\n", text)
    assert "RETENTION_DAYS" in text
    assert "purge_expired" in text
    assert any("RETENTION_DAYS" in p and re.search(rf"\b{default}\b", p) for p in paragraphs), (
        f"docs/privacy.md should state RETENTION_DAYS's default ({default} days) next to it."
    )
