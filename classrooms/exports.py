"""The class progress matrix as CSV, for teachers who keep records in a spreadsheet.

Made to open right in Excel: UTF-8 with a byte-order mark (so "Chloé" is not "ChloÃ©"), module
titles in the headers, lessons done and lessons total in separate number columns (a "2/4" cell
becomes the 2nd of April), and the class name and date in the file name. Like every teacher-facing
surface it follows core.visibility: scores and completion, never an answer.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator

from django.utils.text import slugify

from .models import Classroom
from .selectors.teaching import ClassMatrix

BOM = "\ufeff"


class _Echo:
    """A file that hands back what is written, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps them text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def progress_csv_filename(classroom: Classroom, today: datetime.date) -> str:
    """``pause-year-9-blue-2026-12-02.csv``: only letters, digits and hyphens, whatever the class is called."""
    return f"pause-{slugify(classroom.name)[:60].strip('-') or 'class'}-{today.isoformat()}.csv"


def progress_csv_lines(matrix: ClassMatrix) -> Iterator[str]:
    writer = csv.writer(_Echo())
    header = ["Nickname", "Username"]
    for assigned in matrix.assigned:
        title = csv_cell(assigned.title)
        header += [
            f"{title}: status",
            f"{title}: lessons done",
            f"{title}: lessons total",
            f"{title}: best quiz %",
            f"{title}: overdue",
        ]
    yield BOM + writer.writerow(header)
    for row in matrix.rows:
        line: list[str | int] = [csv_cell(row.nickname), row.username]
        for cell in row.cells:
            line += [
                cell.label,
                cell.lessons_done,
                cell.lessons_total,
                "" if cell.quiz_percent is None else cell.quiz_percent,
                "yes" if cell.overdue else "",
            ]
        yield writer.writerow(line)
