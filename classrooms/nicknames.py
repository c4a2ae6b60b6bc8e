"""A student's nickname as it is stored and shown: one rule, for joining, rosters and renames (F17).

- NFKC, so full-width and compatibility letters become the ordinary ones;
- no control or format characters (Unicode Cc and Cf: zero-width spaces and joiners, bidi overrides
  and isolates, soft hyphens), which could make a name blank on screen or flip the username beside it;
- white space squeezed to single spaces, then cut to NICKNAME_MAX, as the form's maxlength would;
- at least one letter or digit, so a name of only marks, dots or spaces is refused.

Look-alike letters from another script (a Cyrillic "а" in "аdmin") are kept: a child may write their
name in any script, and a nickname grants nothing. Templates show names in ``<bdi>`` as well.
"""

from __future__ import annotations

import unicodedata

from .models import NICKNAME_MAX

_DROPPED = frozenset({"Cc", "Cf"})


def normalise_nickname(text: str) -> str | None:
    """The stored form of a typed nickname, or None when nothing readable is left."""
    text = unicodedata.normalize("NFKC", text)
    # Cc includes tabs and newlines: make them spaces first, so "Ana\nBen" stays two words.
    text = "".join(" " if ch.isspace() else ch for ch in text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED)
    text = " ".join(text.split())[:NICKNAME_MAX].strip()
    if not any(ch.isalnum() for ch in text):
        return None
    return text
