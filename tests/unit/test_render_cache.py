"""The Markdown render cache: a warm load equals a cold one, errors keep their lines, bad entries are ignored."""

import shutil
import threading

from courses import render_cache
from courses.loader import load_course
from courses.render_cache import RenderCache
from quizzes.loader import load_quizzes
from tests.conftest import INVALID_CONTENT, VALID_CONTENT


def load(root, cache):
    result = load_course(root, render_cache=cache)
    quizzes = load_quizzes(result.course, root, render_cache=cache) if result.course else None
    return result, quizzes


def test_a_warm_load_reads_everything_back_and_equals_a_cold_load(tmp_path):
    cold, cold_quizzes = load(VALID_CONTENT, None)
    first = RenderCache(tmp_path)
    load(VALID_CONTENT, first)
    assert first.misses > 0 and first.hits == 0

    again = RenderCache(tmp_path)
    warm, warm_quizzes = load(VALID_CONTENT, again)
    assert again.misses == 0 and again.hits == first.misses
    assert warm.course == cold.course and warm.errors == cold.errors == []
    assert warm_quizzes.quizzes == cold_quizzes.quizzes


def test_a_rejected_link_is_reported_with_its_file_and_line_from_the_cache_too(tmp_path, valid_content):
    shutil.copyfile(INVALID_CONTENT / "javascript-link.lesson.md", valid_content / "modules/alpha/first-lesson.md")
    cold = load_course(valid_content).errors
    load_course(valid_content, render_cache=RenderCache(tmp_path / "cache"))
    cache = RenderCache(tmp_path / "cache")
    warm = load_course(valid_content, render_cache=cache).errors
    assert cache.misses == 0
    assert [(e.path, e.line, e.code) for e in warm] == [(e.path, e.line, e.code) for e in cold]
    assert [(e.path, e.line, e.code) for e in warm] == [("content/modules/alpha/first-lesson.md", 11, "content.E018")]


def test_an_edited_text_is_rendered_again(tmp_path, valid_content):
    load_course(valid_content, render_cache=RenderCache(tmp_path / "cache"))
    lesson = valid_content / "modules/alpha/first-lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n## A new heading\n", encoding="utf-8")
    cache = RenderCache(tmp_path / "cache")
    course = load_course(valid_content, render_cache=cache).course
    assert cache.misses == 1
    assert '<h2 id="a-new-heading">A new heading</h2>' in course.module("alpha").lesson("first-lesson").html


def test_a_damaged_entry_is_rendered_again_and_replaced(tmp_path):
    text = "## Hello\n\nSome *text* and [a link](javascript:alert(1)).\n"
    expected = RenderCache(tmp_path).render(text)
    entries = list((tmp_path / render_cache.fingerprint()).glob("*.json"))
    assert len(entries) == 1
    for damage in ["", "{not json", '{"html": 1}', '{"html": "<p>x</p>", "headings": [], "rejected_urls": []}', "\xff"]:
        entries[0].write_text(damage, encoding="utf-8")
        cache = RenderCache(tmp_path)
        assert cache.render(text) == expected and cache.misses == 1
        assert RenderCache(tmp_path).render(text) == expected  # and the entry was put right


def test_a_folder_that_cannot_be_written_only_means_nothing_is_kept(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    cache = RenderCache(blocked)
    result = load_course(VALID_CONTENT, render_cache=cache)
    assert result.ok and cache.hits == 0 and cache.misses > 0


def test_workers_starting_at_once_share_the_folder(tmp_path):
    texts = [f"Paragraph {n} with **bold** text." for n in range(40)]
    failures = []

    def start():
        try:
            cache = RenderCache(tmp_path)
            for text in texts:
                assert "<strong>bold</strong>" in cache.render(text).html
        except Exception as exc:  # noqa: BLE001 (any failure is what the test looks for)
            failures.append(exc)

    workers = [threading.Thread(target=start) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    folder = tmp_path / render_cache.fingerprint()
    assert len(list(folder.glob("*.json"))) == len(texts)
    assert not list(folder.glob(".tmp-*"))  # no half-written entries left behind
