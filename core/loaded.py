"""Something read from the content folder once per process: the course, the quizzes, the checks.

Each is loaded on first use, under a lock so that two threads never load it twice, and kept for
the life of the process (in DEBUG the dev server restarts when a content file changes). When a
test points ``PAUSE_CONTENT_DIR`` somewhere else, every one of them is dropped, to be loaded again
from the new folder. This is the one place that rule lives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.core.signals import setting_changed
from django.dispatch import receiver

T = TypeVar("T")

_everything: list[LoadedOnce[Any]] = []


class LoadedOnce(Generic[T]):
    def __init__(self, load: Callable[[], T], *, on_reset: Callable[[], None] | None = None):
        self._load = load
        self._on_reset = on_reset
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded = False
        _everything.append(self)

    def get(self) -> T:
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._value = self._load()
                    self._loaded = True
        return self._value  # type: ignore[return-value]

    def reset(self) -> None:
        with self._lock:
            self._value, self._loaded = None, False
            if self._on_reset:
                self._on_reset()


@receiver(setting_changed)
def _reset_on_content_dir_change(setting: str, **kwargs: Any) -> None:
    if setting == "PAUSE_CONTENT_DIR":
        for loaded in _everything:
            loaded.reset()
