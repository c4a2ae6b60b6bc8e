"""Words that suggest someone may be in danger now, from ``content/safeguarding/danger-words.yaml``.

The list is content, reviewed like content: read once per process with the content engine's reader,
so a broken file is a system check error naming its file and line (``classrooms.checks``). A question
that matches is shown to its teacher flagged, with the school's safeguarding reminder, and its asker
sees help for their region at once.

Matching is by whole words, after folding what people do to words: case, accents, letters written as
digits or signs (``k1ll``, ``$end``), letters held down (``pleeease``) and punctuation or no space
between words (``kill.myself``, ``killmyself``). A pattern's word ending in ``*`` matches any ending
(``suicid*``: suicide, suicidal).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from django.conf import settings
from pydantic import Field, StringConstraints

from core.loaded import LoadedOnce
from courses.errors import Code, ContentError
from courses.reader import ContentReader
from courses.schemas.base import LaxDate, Slug, Strict, Text, Versioned

RELATIVE_PATH = Path("safeguarding") / "danger-words.yaml"

Pattern = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class GroupSpec(Strict):
    id: Slug = Field(description="A stable id, shown to the teacher as the reason for the flag.")
    label: Text = Field(description="What the teacher reads, e.g. 'Threats or blackmail'.")
    words: list[Pattern] = Field(min_length=1, description="Words or phrases; a word ending in * matches any ending.")


class DangerWordsFile(Versioned):
    reviewed: LaxDate = Field(description="When a safeguarding lead last read the whole list.")
    student_message: Text = Field(description="What the student reads above the help for their region.")
    teacher_reminder: Text = Field(description="What the teacher reads beside a flagged question.")
    groups: list[GroupSpec] = Field(min_length=1)


# --- folding --------------------------------------------------------------------------------

_LOOKALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_WORD = re.compile(r"[a-z]+")
_HELD = re.compile(r"(.)\1+")


def fold(text: str) -> list[str]:
    """The words of ``text`` as the matcher compares them: lower case, no accents, look-alikes read
    as letters, every run of one letter squeezed to one (so 'kill' and 'killl' are both 'kil')."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [_HELD.sub(r"\1", word) for word in _WORD.findall(plain.casefold().translate(_LOOKALIKES))]


@dataclass(frozen=True, slots=True)
class Phrase:
    """One pattern, folded: its words, and whether the last matches any ending."""

    group: str
    words: tuple[str, ...]
    open_end: bool

    @classmethod
    def of(cls, group: str, pattern: str) -> Phrase | None:
        open_end = pattern.rstrip().endswith("*")
        words = tuple(fold(pattern.rstrip().rstrip("*")))
        return cls(group, words, open_end) if words else None

    def _word_matches(self, index: int, word: str) -> bool:
        wanted = self.words[index]
        last = index == len(self.words) - 1
        return word.startswith(wanted) if (last and self.open_end) else word == wanted

    def found_in(self, words: list[str]) -> bool:
        size = len(self.words)
        for start in range(len(words) - size + 1):
            if all(self._word_matches(i, words[start + i]) for i in range(size)):
                return True
        if size > 1:  # written without spaces: "killmyself"
            joined = "".join(self.words)
            return any(word.startswith(joined) if self.open_end else word == joined for word in words)
        return False


@dataclass(frozen=True)
class DangerWords:
    student_message: str = ""
    teacher_reminder: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # group id -> label
    phrases: tuple[Phrase, ...] = ()

    def match(self, text: str) -> str:
        """The id of the first group with a phrase in ``text``, or ""."""
        words = fold(text)
        return next((phrase.group for phrase in self.phrases if phrase.found_in(words)), "")


@dataclass
class DangerWordsResult:
    words: DangerWords = field(default_factory=DangerWords)
    errors: list[ContentError] = field(default_factory=list)


def load_danger_words(content_root: Path) -> DangerWordsResult:
    reader = ContentReader(content_root)
    path = content_root / RELATIVE_PATH
    if not path.is_file():
        reader.error(path, 0, "", "the danger-word list is missing", Code.MISSING_FILE)
        return DangerWordsResult(errors=reader.errors)
    parsed = reader.read_yaml(path, DangerWordsFile)
    if parsed is None:
        return DangerWordsResult(errors=sorted(reader.errors))
    spec = parsed.model
    phrases: list[Phrase] = []
    seen_groups: set[str] = set()
    seen: dict[tuple[tuple[str, ...], bool], str] = {}
    for g, group in enumerate(spec.groups):
        if group.id in seen_groups:
            where = f"groups[{g}].id"
            reader.error(path, parsed.line("groups", g, "id"), where, f"group '{group.id}' again", Code.DUPLICATE_ID)
        seen_groups.add(group.id)
        for w, pattern in enumerate(group.words):
            line, where = parsed.line("groups", g, "words", w), f"groups[{g}].words[{w}]"
            phrase = Phrase.of(group.id, pattern)
            if phrase is None or "*" in pattern.rstrip().rstrip("*"):
                message = f"'{pattern}' needs a word of letters, and '*' only at its end"
                reader.error(path, line, where, message, Code.INVALID_VALUE)
                continue
            key = (phrase.words, phrase.open_end)
            if key in seen:
                message = f"'{pattern}' is already listed (as '{seen[key]}', once folded)"
                reader.error(path, line, where, message, Code.DUPLICATE_ID)
                continue
            seen[key] = pattern
            phrases.append(phrase)
    words = DangerWords(
        student_message=spec.student_message,
        teacher_reminder=spec.teacher_reminder,
        labels={group.id: group.label for group in spec.groups},
        phrases=tuple(phrases),
    )
    return DangerWordsResult(words=words, errors=sorted(reader.errors))


_loaded = LoadedOnce(lambda: load_danger_words(Path(settings.PAUSE_CONTENT_DIR)))


def get_danger_words_result() -> DangerWordsResult:
    return _loaded.get()


def get_danger_words() -> DangerWords:
    return get_danger_words_result().words
