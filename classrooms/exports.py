"""The class progress matrix as CSV, for teachers who keep records in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from .selectors.teaching import ClassMatrix


class _Echo:
    """A file that hands back what is written, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps them text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def progress_csv_lines(matrix: ClassMatrix) -> Iterator[str]:
    writer = csv.writer(_Echo())
    header = ["nickname", "username"]
    for assigned in matrix.assigned:
        mid = assigned.assignment.module_id
        header += [f"{mid} status", f"{mid} lessons done", f"{mid} quiz best %", f"{mid} overdue"]
    yield writer.writerow(header)
    for row in matrix.rows:
        line: list[str | int] = [csv_cell(row.nickname), row.username]
        for cell in row.cells:
            line += [
                cell.label,
                f"{cell.lessons_done}/{cell.lessons_total}",
                "" if cell.quiz_percent is None else cell.quiz_percent,
                "yes" if cell.overdue else "",
            ]
        yield writer.writerow(line)
