"""The before-and-after checks' totals as CSV: the same numbers as the charts, made to open in Excel.

UTF-8 with a byte-order mark, like the class progress CSV. Counts of students only, and for a module
with too few answers, a line saying so instead of its counts (core.visibility).
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator

from django.utils.text import slugify

from core.visibility import MIN_CHECK_STUDENTS
from prepost.selectors import ModuleTotals

from .exports import BOM, _Echo, csv_cell

HIDDEN = f"Not enough answers yet (fewer than {MIN_CHECK_STUDENTS} on each side)"


def checks_csv_filename(name: str, today: datetime.date) -> str:
    return f"pause-checks-{slugify(name)[:60].strip('-') or 'class'}-{today.isoformat()}.csv"


def checks_csv_lines(totals: list[ModuleTotals]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(
        ["Module", "Students before", "Students after", "Question", "Answer", "Students before", "Students after"]
    )
    for module in totals:
        title = csv_cell(module.module.title)
        if not module.shown:
            yield writer.writerow([title, module.students_before, module.students_after, HIDDEN, "", "", ""])
            continue
        for distribution in module.distributions:
            for label, before, after in distribution.rows:
                yield writer.writerow(
                    [
                        title,
                        module.students_before,
                        module.students_after,
                        csv_cell(distribution.title),
                        label,
                        before,
                        after,
                    ]
                )
