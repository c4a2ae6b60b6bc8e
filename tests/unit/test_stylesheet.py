"""static/css/pause.css parses as it reads: balanced blocks, one print block, no rule pasted inside another's."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "pause.css"


def _blocks(text: str) -> list[tuple[str, int]]:
    """Every block's prelude (what comes before its `{`) and its depth, comments and strings left out."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', text)
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            blocks.append((text[start:index].strip().rsplit(";", 1)[-1].rsplit("}", 1)[-1].strip(), depth))
            depth += 1
            start = index + 1
        elif char == "}":
            depth -= 1
            assert depth >= 0, f"an extra '}}' near {text[max(0, index - 60) : index]!r}"
            start = index + 1
        elif char == ";":
            start = index + 1
    assert depth == 0, "a block is not closed"
    return blocks


def test_the_stylesheet_has_balanced_blocks_and_no_nested_at_rules():
    blocks = _blocks(CSS.read_text(encoding="utf-8"))
    nested = [prelude for prelude, depth in blocks if depth > 0 and prelude.startswith("@")]
    assert nested == [], "an at-rule inside another block (a paste that lost its closing brace?)"
    assert [prelude for prelude, depth in blocks if depth == 0 and prelude == "@media print"] == ["@media print"]
