"""F17: a nickname is stored NFKC-normalised, without control or format characters, with a letter or digit."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from classrooms.models import NICKNAME_MAX
from classrooms.nicknames import normalise_nickname

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]


@given(st.text(max_size=120))
def test_whatever_is_typed_the_stored_name_is_clean_or_refused(text):
    name = normalise_nickname(text)
    if name is None:
        return
    assert 0 < len(name) <= NICKNAME_MAX
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name)
    assert any(ch.isalnum() for ch in name)
    assert name == name.strip()
    assert "  " not in name
    assert normalise_nickname(name) == name  # stored names are stable


@given(st.text(alphabet=st.sampled_from(INVISIBLE + BIDI + [" ", "\t", "\u0301", "."]), max_size=30))
def test_a_name_of_only_invisible_marks_or_spaces_is_refused(text):
    assert normalise_nickname(text) is None


@given(st.sampled_from(INVISIBLE + BIDI), st.integers(min_value=0, max_value=3))
def test_invisible_and_bidi_characters_are_removed_from_a_real_name(mark, at):
    assert normalise_nickname("Sam"[:at] + mark + "Sam"[at:]) == "Sam"


def test_nfkc_makes_full_width_and_compatibility_letters_ordinary():
    assert normalise_nickname("Ｓａｍ") == "Sam"
    assert normalise_nickname("ﬁona") == "fiona"


def test_other_scripts_and_accents_stay():
    assert normalise_nickname("  Zoë   Ng ") == "Zoë Ng"
    assert normalise_nickname("Дарья") == "Дарья"
    assert normalise_nickname("ليلى") == "ليلى"
