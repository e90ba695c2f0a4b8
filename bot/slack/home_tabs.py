"""Drawing a person's Home tab when they open it: at most once every DEBOUNCE seconds per
person, and no views.publish when what is shown already says the same.

Opening the Home tab again while a drawing is on its way changes nothing: that drawing reads
the records after the open. An open within DEBOUNCE of the last drawing is drawn once, when the
DEBOUNCE has passed, so what a person sees is never older than their last open by more than
that. Slack sends the view on show with the event; billbot stamps each view it publishes with a
digest of its blocks (`private_metadata`) and does not publish the same view again."""

import hashlib
import json
import threading
import time
from collections.abc import Callable

from bot.slack.worker import Worker

DEBOUNCE = 2.0  # seconds between two drawings of one person's Home tab on opening
MAX_PEOPLE = 10_000  # remembered at once (forgotten all together past it)

Key = tuple[str, str]  # (team id, user id)
Draw = Callable[[str | None], None]  # draws the tab; given the digest of the view on show


def stamped(view: dict) -> dict:
    """The view with the digest of its blocks in `private_metadata`."""
    blocks = json.dumps(view.get("blocks", []), sort_keys=True, ensure_ascii=False)
    return {**view, "private_metadata": hashlib.sha256(blocks.encode()).hexdigest()[:32]}


def unchanged(view: dict, shown: str | None) -> bool:
    """Whether the stamped `view` is the one on show (whose digest Slack sent back)."""
    return shown is not None and view.get("private_metadata") == shown


class HomeTabs:
    def __init__(self, worker: Worker, debounce: float = DEBOUNCE) -> None:
        self.worker = worker
        self.debounce = debounce
        self._lock = threading.Lock()
        self._drawn: dict[Key, float] = {}  # when the tab was last drawn on opening
        self._coming: set[Key] = set()  # a drawing is queued or waiting for its turn
        self._shown: dict[Key, str | None] = {}  # the digest of the view on show, as last sent

    def opened(self, key: Key, shown: str | None, draw: Draw) -> None:
        with self._lock:
            self._shown[key] = shown
            if key in self._coming:
                return
            if len(self._drawn) > MAX_PEOPLE:
                self._drawn.clear()
            self._coming.add(key)
            wait = self._drawn.get(key, -self.debounce) + self.debounce - time.monotonic()
        if wait > 0:  # drawn by the timer's own thread when the time has come
            timer = threading.Timer(
                wait, self.worker.here, (self._draw,), {"key": key, "draw": draw}
            )
            timer.daemon = True
            timer.start()
        elif not self.worker.later(self._draw, key=key, draw=draw):
            with self._lock:  # too busy to take it on: the next open tries again
                self._coming.discard(key)

    def _draw(self, key: Key, draw: Draw) -> None:
        with self._lock:
            self._coming.discard(key)
            self._drawn[key] = time.monotonic()
            shown = self._shown.pop(key, None)
        draw(shown)
