"""The one rule about copies, as words: an answer that saves, screenshots, forwards or shows an image.

Shared by the quiz's knowledge checks (quizzes/kinds/options.py) and a lesson's practice checks
(courses/practice.py), so an answer that copies an image is never marked right by oversight in
either (content.E027, content.E028). It lives here because quizzes may import courses, not back.
"""

from __future__ import annotations

import re

_COPY_VERB = r"(?:sav(?:e|es|ed|ing)|screenshot\w*|screen-?grab\w*|download\w*|forward\w*|show(?:s|ed|ing|n)?|cop(?:y|ies|ied|ying)|keep(?:s|ing)?|kept|send(?:s|ing)?|sent|shar(?:e|es|ed|ing)|post(?:s|ed|ing)?|pass(?:es|ed|ing)? (?:it|them) on)"
_IMAGE = r"(?:photo|image|picture|pic|nude|video|selfie|it|them)s?"
_COPYING = re.compile(rf"\b{_COPY_VERB}\b(?:\W+\w+){{0,6}}?\W+{_IMAGE}\b", re.IGNORECASE)


def looks_like_copying(text: str) -> bool:
    """Whether an answer's words look like saving, screenshotting, forwarding or showing an image."""
    return bool(_COPYING.search(text))
