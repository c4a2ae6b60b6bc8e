"""Check draft content in drafts/ as if it were part of content/, without touching content/.

    .venv/bin/python -m scripts.check_draft

drafts/ mirrors content/ (modules/<id>/, guides/, law/, help/). The script
copies content/ to a temporary folder, lays drafts/ over it, adds any
drafted module that course.yaml does not list yet to its end (a draft
course.yaml, laid over the real one, can order them or add regions), and
reports every content and quiz error, then the reading level and length of
each lesson.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from tools.servers import ROOT
from tools.text import fk_grade, words


def main() -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")  # a developer's tool: no production secrets here
    import django

    django.setup()
    from courses.loader import load_course

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", root)
        shutil.copytree(ROOT / "drafts", root, dirs_exist_ok=True)
        course_yaml = root / "course.yaml"
        course = yaml.safe_load(course_yaml.read_text(encoding="utf-8"))
        drafted = sorted(folder.name for folder in (ROOT / "drafts" / "modules").glob("*") if folder.is_dir())
        course["modules"] += [module for module in drafted if module not in course["modules"]]
        course_yaml.write_text(yaml.safe_dump(course, allow_unicode=True, sort_keys=False), encoding="utf-8")

        result = load_course(root)
        errors = [str(e).replace(tmp + "/", "") for e in result.errors]
        if result.course is not None:
            try:
                from quizzes.loader import load_quizzes
            except ImportError:
                print("(quiz validation is not available yet)")
            else:
                errors += [str(e).replace(tmp + "/", "") for e in load_quizzes(result.course, root).errors]
        for error in errors:
            print(error)
        print(f"{len(errors)} error(s)")
        if result.course is None:
            return 1
        total = 0
        for module in result.course.modules:
            print(f"{module.id} (ages {module.age_min}+)")
            for lesson in module.lessons:
                count = len(words(lesson.html))
                total += count
                print(f"  {lesson.id:<40} FK {fk_grade(lesson.html):4.1f}  {count:5d} words")
        for guide in result.course.guides:
            print(f"guide {guide.id:<34} FK {fk_grade(guide.html):4.1f}  {len(words(guide.html)):5d} words")
        print(f"lesson words in all: {total}")
        return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
