"""Print the Flesch–Kincaid grade and word count of every lesson and guide.

    .venv/bin/python -m scripts.readability [content-folder]

The grades are computed exactly as the content tests compute them (tools/text.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from courses.loader import load_course
from tools.servers import ROOT
from tools.text import fk_grade, words


def main(folder: str) -> int:
    result = load_course(Path(folder))
    for error in result.errors:
        print(error)
    course = result.course
    if course is None:
        return 1
    total = 0
    for module in course.modules:
        print(f"{module.id} (ages {module.age_min}+)")
        for lesson in module.lessons:
            count = len(words(lesson.html))
            total += count
            print(f"  {lesson.id:<40} FK {fk_grade(lesson.html):4.1f}  {count:5d} words")
        if module.teacher_notes:
            print(f"  {'teacher.md':<40} FK {fk_grade(module.teacher_notes.html):4.1f}")
    for guide in course.guides:
        print(f"guide {guide.id:<34} FK {fk_grade(guide.html):4.1f}  {len(words(guide.html)):5d} words")
    print(f"lesson words in all: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "content")))
