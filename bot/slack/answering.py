"""Requests being answered on this process's event loop, so work after acks can make way.

Acks have Slack's 3 s; replies have minutes. Work after an ack starts when no request is being
answered, or once it has waited MAX_WAIT: it never holds the interpreter while an ack waits for
it to finish, and under a steady stream of requests it still gets its turn."""

import threading
import time

MAX_WAIT = 1.0  # seconds a piece of work waits for a quiet moment before it starts anyway


class Answering:
    """Counted by the event loop's thread only (bot/web/guard.py); read by worker threads."""

    def __init__(self) -> None:
        self._in_flight = 0
        self._quiet = threading.Event()
        self._quiet.set()

    def begin(self) -> None:
        self._in_flight += 1
        if self._in_flight == 1:
            self._quiet.clear()

    def end(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self._quiet.set()

    def make_way(self, since: float) -> None:
        """Wait for a moment when no request is being answered, until `since` + MAX_WAIT."""
        left = since + MAX_WAIT - time.monotonic()
        if left > 0:
            self._quiet.wait(left)


REQUESTS = Answering()  # the one event loop of `billbot serve`
