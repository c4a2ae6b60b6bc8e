"""Cutting a lesson into slides and finding its presenter notes (courses.presenting)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from courses import presenting

NOTES = """
<p><strong>Threats.</strong> A paragraph that starts in bold and is not a lesson's questions.</p>
<p>More text.</p>
<h2 id="timings">Timings</h2>
<table><thead><tr><th>Part</th><th>Minutes</th><th>What happens</th></tr></thead>
<tbody>
<tr>
<td>Ground rules</td>
<td>4</td>
<td>Agree the ground rules.</td>
</tr>
<tr>
<td>When someone sends you a nude</td>
<td>13</td>
<td>Read the lesson (9). <em>Sort</em> (4).</td>
</tr>
</tbody></table>
<h2 id="discussion-questions">Discussion questions</h2>
<p><strong>Ground rules</strong></p>
<ul>
<li>Not a lesson.</li>
</ul>
<p><strong>When someone sends you a nude</strong></p>
<ul>
<li>What could Sami do?</li>
</ul>
"""


def lesson(html: str = "", title: str = "When someone sends you a nude you didn't ask for") -> Any:
    return SimpleNamespace(html=html, title=title)


def module(notes_html: str | None) -> Any:
    notes = SimpleNamespace(html=notes_html) if notes_html is not None else None
    return SimpleNamespace(teacher_notes=notes)


def test_a_lesson_is_cut_at_each_h2_and_the_opening_text_is_the_title_slide():
    html = '<p>Intro.</p>\n<h2 id="a">First <em>part</em></h2>\n<p>One.</p><h3>Inside</h3>\n<h2 id="b">Second</h2><p>Two.</p>'
    slides = presenting.lesson_slides(lesson(html))
    assert [slide.number for slide in slides] == [1, 2, 3]
    assert [slide.title for slide in slides] == ["", "First part", "Second"]
    assert slides[0].html.strip() == "<p>Intro.</p>"
    assert "<h3>Inside</h3>" in slides[1].html
    assert "<h2" not in "".join(slide.html for slide in slides)  # each heading is its slide's own


def test_a_lesson_without_headings_is_one_slide():
    slides = presenting.lesson_slides(lesson("<p>Only this.</p>"))
    assert len(slides) == 1
    assert slides[0].html == "<p>Only this.</p>"


def test_the_notes_are_found_by_the_title_or_its_start_and_not_another_lessons():
    notes = presenting.presenter_notes(module(NOTES), lesson())
    assert notes.minutes == "13"
    assert notes.plan_html == "Read the lesson (9). <em>Sort</em> (4)."
    assert "What could Sami do?" in notes.questions_html
    assert "Not a lesson." not in notes.questions_html
    assert not notes.empty


def test_the_questions_are_found_after_a_paragraph_that_starts_in_bold():
    notes = presenting.presenter_notes(module(NOTES), lesson(title="Ground rules"))
    assert notes.questions_html == "<ul>\n<li>Not a lesson.</li>\n</ul>"
    assert notes.minutes == "4"


def test_a_short_part_name_does_not_match_a_longer_title():
    # "Close" or "Recap" rows must never be taken for a lesson whose title starts that way.
    notes = presenting.presenter_notes(module(NOTES), lesson(title="Ground rules for group chats"))
    assert notes.minutes == ""
    assert notes.empty


def test_a_module_without_teacher_notes_has_empty_presenter_notes():
    assert presenting.presenter_notes(module(None), lesson()).empty
