"""The one kind of error a person may read."""

from __future__ import annotations


class Refused(Exception):
    """A request that cannot be carried out; the message is safe to show to the person who asked."""
