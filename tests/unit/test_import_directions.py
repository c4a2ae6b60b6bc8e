"""The apps import one another only in the directions DESIGN.md draws (docs/development.md has the picture).

config ──► courses ◄── quizzes ◄── classrooms ──► accounts
              ▲                        │
              └────────────────────────┘
and every app may use core; core imports none of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

APPS = ("core", "courses", "prepost", "quizzes", "classrooms", "accounts", "feedback")
ALLOWED = {
    "core": set(),
    "accounts": {"core"},
    "courses": {"core"},
    # The before-and-after check: read by quizzes (the offer after a result, /progress/) and classrooms.
    "prepost": {"core", "courses"},
    "quizzes": {"core", "courses", "prepost"},
    "classrooms": {"core", "courses", "prepost", "quizzes", "accounts"},
    "feedback": {"core", "courses"},  # "Report a problem": reads the course's regions and crisis words
}


def _imports(path: Path) -> set[str]:
    """Every first-party app a module imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found |= {name.split(".")[0] for name in names} & set(APPS)
    return found


def test_each_app_imports_only_what_the_design_allows():
    wrong = []
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for other in _imports(path) - ALLOWED[app] - {app}:
                wrong.append(f"{path.relative_to(settings.BASE_DIR)} imports {other}")
    assert wrong == []


def test_courses_templates_name_no_other_apps_urls():
    """The course pages link to a quiz or an account page only through core's hooks."""
    folder = Path(settings.BASE_DIR) / "courses" / "templates"
    for path in folder.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for other in ("quizzes:", "classrooms:", "accounts:"):
            assert other not in text, f"{path.name} names {other}"
