"""The content error codes: one enum, and the authoring guide's tables list exactly its codes and meanings."""

import re
from pathlib import Path

from courses.errors import MEANINGS, Code

AUTHORING = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
ROW = re.compile(r"^\| (content\.E\d{3}) \| (.+?) \|$", re.MULTILINE)


def test_the_authoring_guide_lists_exactly_the_codes_with_their_meanings():
    documented = ROW.findall(AUTHORING.read_text(encoding="utf-8"))
    assert len(documented) == len(dict(documented)), "a code is listed twice in docs/authoring.md"
    assert dict(documented) == {code.value: code.meaning for code in Code}


def test_every_code_has_a_meaning_and_a_unique_value():
    assert set(MEANINGS) == set(Code)
    assert all(re.fullmatch(r"content\.E\d{3}", code) for code in Code)


def test_a_code_is_the_string_it_prints():
    assert Code.DUPLICATE_KEY == "content.E002"
    assert f"[{Code.DUPLICATE_KEY}]" == "[content.E002]"
