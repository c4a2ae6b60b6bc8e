"""The score rules every page and app shares: one formula for a percentage, one for a pass.

Pure and dependency-free, so models, grading and other apps (through
quizzes.selectors) all use these and no page computes its own.
"""

from __future__ import annotations


def percent(score: int, max_score: int) -> int:
    """A score as a whole percentage of its maximum; 0 when nothing could be scored."""
    return round(100 * score / max_score) if max_score else 0


def passes(score: int, max_score: int, pass_mark: float) -> bool:
    """Whether a score reaches the pass mark (a share of the maximum); nothing to score never passes."""
    return max_score > 0 and score >= pass_mark * max_score - 1e-9
