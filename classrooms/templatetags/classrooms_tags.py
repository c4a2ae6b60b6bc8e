from __future__ import annotations

from django import template
from django.utils import dateformat, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core.maths import percent

from ..selectors.summary import StudentActivity
from ..selectors.teaching import ClassMatrix

register = template.Library()

BAR_WIDTH = 240


@register.simple_tag
def count_bar(count: int, total: int, correct: bool | None = None) -> SafeString:
    """A server-drawn horizontal bar: no script, no image request, and the numbers are in the table beside it."""
    fraction = count / total if total else 0
    width = max(round(BAR_WIDTH * fraction), 2 if count else 0)
    tone = "bar-right" if correct is True else "bar-other"
    return format_html(
        '<svg class="count-bar" viewBox="0 0 {0} 18" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        '<rect class="bar-track" x="0" y="2" width="{0}" height="14" rx="3"></rect>'
        '<rect class="{1}" x="0" y="2" width="{2}" height="14" rx="3"></rect></svg>',
        BAR_WIDTH,
        tone,
        width,
    )


@register.filter
def percent_of(count: int, total: int) -> int:
    """``{{ count|percent_of:total }}``: quizzes' one percentage formula, for the quiz report's tallies."""
    return percent(count, total)


def _student_link(prefix: str, student_id: int, nickname: str) -> str:
    """A student's name linking to their page; ``prefix`` is already escaped, the nickname is escaped here."""
    return f'<a href="{prefix}{student_id}/"><bdi>{escape(nickname)}</bdi></a>'


@register.simple_tag
def matrix_rows(matrix: ClassMatrix, student_url_prefix: str) -> SafeString:
    """The progress matrix's body rows.

    Built in Python, not a template loop: a class of 300 students is 300 × modules
    cells, and template rendering made the page grow about 9 ms per 10 students on
    this machine (bench/classrooms.py). The only text a person typed, the nickname
    and the username, goes through ``escape`` (and the module titles, for good measure); everything else is a number or a constant.
    """
    prefix = escape(student_url_prefix)
    # Each cell names its module (data-label), which a phone shows when the table stacks into cards.
    labels = [escape(assigned.title) for assigned in matrix.assigned]
    out = []
    for row in matrix.rows:
        cells = []
        for label, cell in zip(labels, row.cells, strict=True):
            quiz = f" · quiz {cell.quiz_percent}%" if cell.quiz_percent is not None else ""
            overdue = ' <span class="overdue">Overdue</span>' if cell.overdue else ""
            cells.append(
                f'<td class="cell-{cell.status}" data-label="{label}"><span>{cell.label}<span class="small"> · '
                f"{cell.lessons_done}/{cell.lessons_total} lessons{quiz}</span>{overdue}</span></td>"
            )
        out.append(
            f'<tr><th scope="row">{_student_link(prefix, row.id, row.nickname)} '
            f'<span class="small text-body-secondary">{escape(row.username)}</span></th>{"".join(cells)}</tr>\n'
        )
    # Safe: the nickname and username are escaped above; everything else is a number or a constant.
    return mark_safe("".join(out))  # noqa: S308


@register.simple_tag
def student_links(students: list[StudentActivity], student_url_prefix: str) -> SafeString:
    """The summary's "not signed in yet" names, each a link to the student's page, comma-separated.

    Built in Python for the reason ``matrix_rows`` is: it can name every student of a large class.
    """
    prefix = escape(student_url_prefix)
    links = (_student_link(prefix, s.id, s.nickname) for s in students)
    return mark_safe(", ".join(links))  # noqa: S308 (nicknames escaped; the rest is a number or a constant)


@register.simple_tag
def activity_items(activity: list[StudentActivity]) -> SafeString:
    """The summary's last sign-in per student, as list items ("Sam: Mon 3 Mar"), in Python as ``matrix_rows``."""
    out = []
    for s in activity:
        # The date filter's own formatter and format ("Mon 3 Mar"), without a template per student.
        said = dateformat.format(timezone.localtime(s.last_sign_in), "D j M") if s.last_sign_in else "not signed in yet"
        out.append(f"<li><bdi>{escape(s.nickname)}</bdi>: {said}</li>")
    return mark_safe("".join(out))  # noqa: S308 (nicknames escaped; the rest is a date or a constant)
