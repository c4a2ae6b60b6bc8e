"""Server-drawn SVG bar charts of a group's before and after answers: no script, no library.

Each chart is an image with a title and a description (``role="img"``), and the page gives the same
numbers in a table beside it. "Before" bars are outlined and "after" bars solid, so the two differ
by more than colour; the colours come from pause.css, so they follow light and dark mode.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .selectors import Distribution

WIDTH, HEIGHT = 360, 200
TOP, BOTTOM, LEFT, RIGHT = 34, 28, 8, 8
BAR_GAP = 2


def distribution_svg(distribution: Distribution, *, chart_id: str) -> SafeString:
    groups = len(distribution.labels)
    peak = max((*distribution.before, *distribution.after, 1))
    plot_height = HEIGHT - TOP - BOTTOM
    group_width = (WIDTH - LEFT - RIGHT) / groups
    bar_width = (group_width - 10) / 2
    shapes: list[tuple[str, str, float, float, float, float]] = []
    labels: list[tuple[float, float, str, str]] = []
    for index, (label, before, after) in enumerate(distribution.rows):
        x0 = LEFT + index * group_width + 5
        for offset, count, tone in ((0, before, "bar-before"), (bar_width + BAR_GAP, after, "bar-after")):
            height = plot_height * count / peak
            x = x0 + offset
            y = TOP + plot_height - height
            shapes.append((tone, "", round(x, 1), round(y, 1), round(bar_width - BAR_GAP, 1), round(height, 1)))
            labels.append((round(x + (bar_width - BAR_GAP) / 2, 1), round(y - 4, 1), "chart-count", str(count)))
        labels.append((round(x0 + bar_width, 1), HEIGHT - BOTTOM + 18, "chart-axis", label.split(" ", 1)[0]))
    summary = "; ".join(f"{label}: {before} before, {after} after" for label, before, after in distribution.rows)
    return format_html(
        '<svg class="prepost-chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">Number of students, before and after. {summary}.</desc>'
        '<rect class="bar-before" x="{lx}" y="6" width="12" height="12"></rect>'
        '<text class="chart-legend" x="{lx2}" y="16">Before</text>'
        '<rect class="bar-after" x="{rx}" y="6" width="12" height="12"></rect>'
        '<text class="chart-legend" x="{rx2}" y="16">After</text>'
        '<line class="chart-baseline" x1="{left}" y1="{base}" x2="{right}" y2="{base}"></line>'
        "{bars}{texts}</svg>",
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=distribution.title,
        summary=summary,
        lx=LEFT,
        lx2=LEFT + 16,
        rx=LEFT + 80,
        rx2=LEFT + 96,
        left=LEFT,
        right=WIDTH - RIGHT,
        base=HEIGHT - BOTTOM,
        bars=format_html_join("", '<rect class="{}{}" x="{}" y="{}" width="{}" height="{}"></rect>', shapes),
        texts=format_html_join("", '<text x="{}" y="{}" class="{}" text-anchor="middle">{}</text>', labels),
    )
