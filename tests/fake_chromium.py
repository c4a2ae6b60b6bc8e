#!/usr/bin/env python3
"""A stand-in for headless Chromium in the tests (tests/conftest.py points PAUSE_CHROMIUM here).

Writes a small valid PDF to --print-to-pdf=PATH and nothing else, quickly. The tests that check a
real PDF (tests/browser/test_module_pack.py) set PAUSE_CHROMIUM back to the real browser.
FAKE_CHROMIUM_FAIL=exit makes it fail; FAKE_CHROMIUM_FAIL=garbage makes it write something that is not a PDF.
"""

import os
import sys

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

if __name__ == "__main__":
    failure = os.environ.get("FAKE_CHROMIUM_FAIL", "")
    if failure == "exit":
        sys.exit(1)
    target = next(arg.split("=", 1)[1] for arg in sys.argv[1:] if arg.startswith("--print-to-pdf="))
    with open(target, "wb") as handle:
        handle.write(b"not a pdf" if failure == "garbage" else PDF)
