"""The question box's danger words: whole-word, simple-variant matching, and the list validated like content."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from classrooms.safeguarding import RELATIVE_PATH, DangerWords, Phrase, fold, load_danger_words
from classrooms.services.questions import is_no_question, new_token, normalise_token

CONTENT = Path(settings.BASE_DIR) / "content"


@pytest.fixture(scope="module")
def words() -> DangerWords:
    result = load_danger_words(CONTENT)
    assert result.errors == []
    return result.words


def test_folding_reads_case_accents_lookalikes_and_held_letters_alike():
    assert fold("KILL Mysélf") == fold("k1ll myself") == fold("killl   myself!!") == ["kil", "myself"]
    assert fold("$3nd m0ney") == ["send", "money"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("He is threatening to post it", "threats"),
        ("someone is BLACKMAILING me", "threats"),
        ("they said send it to everyone", "threats"),
        ("he wants money or else", "demands"),
        ("they keep asking for more pics", "demands"),
        ("I want to die", "self-harm"),
        ("i wanna d1e", "self-harm"),
        ("thinking about suicide", "self-harm"),
        ("sometimes I feel suicidal", "self-harm"),
        ("I want to kill.myself", "self-harm"),
        ("I want to killmyself", "self-harm"),
        ("I think about self-harm", "self-harm"),
        # added in the safeguarding re-read: reported threats, asks for nudes, self-harm in other words
        ("he said he'll post my nudes", "threats"),
        ("someone made nudes of me", "threats"),
        ("she keeps asking me for nudes", "demands"),
        ("he wants me to send a video", "demands"),
        ("I keep hurting myself", "self-harm"),
        ("honestly kms", "self-harm"),
        ("I don't want to live anymore", "self-harm"),
    ],
)
def test_danger_words_and_their_simple_variants_match(words, text, group):
    assert words.match(text) == group


@pytest.mark.parametrize(
    "text",
    [
        "What is consent?",
        "Can my teacher see my quiz answers?",
        "Is it a skill to say no?",  # 'kill' only as a whole word
        "I paid them a compliment",  # 'pay them' is two words, in order
        "Who threw the party?",  # not 'threat'
        "Is it ok to post my pictures on Instagram?",  # only nudes, not every picture
        "Is it illegal to send nudes at 16?",  # a question about the lessons, not a demand
        "In the end it all worked out",
        "",
    ],
)
def test_ordinary_questions_do_not_match(words, text):
    assert words.match(text) == ""


def test_an_open_ended_word_matches_endings_only_at_the_end():
    phrase = Phrase.of("g", "gift card*")
    assert phrase is not None
    assert phrase.found_in(fold("they want gift cards"))
    assert not phrase.found_in(fold("a gift for my card"))


@pytest.mark.parametrize("text", ["no question", "No Questions.", "  none ", "NOPE", "no-question", "Nothing"])
def test_no_question_variants(text):
    assert is_no_question(text)


@pytest.mark.parametrize("text", ["no one told me", "Is nothing private?", "none of my friends know, what do I do"])
def test_questions_that_start_like_no_question_are_questions(text):
    assert not is_no_question(text)


def test_a_token_is_read_back_however_it_is_typed():
    token = new_token()
    assert normalise_token(token.lower().replace("-", " ")) == token
    assert normalise_token("ABCD") is None
    assert normalise_token("0" * 16) is None  # not in the alphabet


def write(root: Path, text: str) -> Path:
    path = root / "content" / RELATIVE_PATH
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD_HEAD = """schema_version: 1
reviewed: 2026-12-01
student_message: Help is here.
teacher_reminder: Follow your school's safeguarding policy.
groups:
"""


def test_a_broken_list_names_its_file_line_and_code(tmp_path):
    write(
        tmp_path,
        GOOD_HEAD
        + """  - id: threats
    label: Threats
    words:
      - threat*
      - Threat*
      - mid*dle
  - id: threats
    label: Again
    words: [blackmail]
""",
    )
    errors = [str(error) for error in load_danger_words(tmp_path / "content").errors]
    assert any(
        e.startswith("content/safeguarding/danger-words.yaml:10: groups[0].words[1]") and "content.E013" in e
        for e in errors
    ), errors
    assert any(
        e.startswith("content/safeguarding/danger-words.yaml:11: groups[0].words[2]") and "content.E008" in e
        for e in errors
    )
    assert any(
        e.startswith("content/safeguarding/danger-words.yaml:12: groups[1].id") and "content.E013" in e for e in errors
    )


def test_an_unknown_key_and_a_missing_file_are_content_errors(tmp_path):
    assert [e.code for e in load_danger_words(tmp_path / "content").errors] == ["content.E011"]
    write(tmp_path, GOOD_HEAD + "  - id: x\n    label: X\n    words: [a]\n    severity: high\n")
    assert [e.code for e in load_danger_words(tmp_path / "content").errors] == ["content.E007"]


def test_the_fixture_course_carries_the_same_list_as_the_real_one():
    fixture = Path(settings.BASE_DIR) / "tests" / "fixtures" / "content" / "valid" / RELATIVE_PATH
    assert fixture.read_text(encoding="utf-8") == (CONTENT / RELATIVE_PATH).read_text(encoding="utf-8")
