"""Small arithmetic the whole site shares, written once."""

from __future__ import annotations


def percent(part: int | float, whole: int | float) -> int:
    """``part`` of ``whole`` as a whole percentage, rounded half to even; 0 when ``whole`` is 0."""
    return round(100 * part / whole) if whole else 0
