"""Requests being answered on this process's event loop, so work after acks can make way.

Acks have Slack's 3 s; replies have minutes. Work after an ack starts when no request is being
answered, or once it has waited MAX_WAIT: it does not hold the interpreter while an ack waits
for it, and under a steady stream of requests it still gets its turn. The event loop only
counts (no lock it could wait on behind a worker); workers look every POLL seconds."""

import time

MAX_WAIT = 1.0  # seconds a piece of work waits for a quiet moment before it starts anyway
POLL = 0.002


class Answering:
    """Counted by the event loop's thread only (bot/web/guard.py); read by worker threads."""

    def __init__(self) -> None:
        self.in_flight = 0

    def begin(self) -> None:
        self.in_flight += 1

    def end(self) -> None:
        self.in_flight -= 1

    def make_way(self, since: float) -> None:
        """Wait for a moment when no request is being answered, until `since` + MAX_WAIT."""
        deadline = since + MAX_WAIT
        while self.in_flight > 0 and time.monotonic() < deadline:
            time.sleep(POLL)


REQUESTS = Answering()  # the one event loop of `billbot serve`
