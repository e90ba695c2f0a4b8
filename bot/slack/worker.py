"""Work after the ack: a few threads, a bounded backlog, and each Slack event acted on once."""

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import InterfaceError, OperationalError

from bot.slack.answering import REQUESTS
from storage.seen_events import first_time
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.slack")
UNAVAILABLE = (
    "billbot can't reach its records right now, so nothing was read or changed. "
    "Please try again in a minute."
)
BUSY = (
    "billbot has more to do right now than it can take on, so it did not act on that. "
    "Please try again in a minute."
)
MAX_BACKLOG = 5_000  # pieces of work waiting for a worker (~10 KB each); past it, "try again"
WORKERS = 4  # threads for work after acks (replies, greetings, Home tabs); see bench/ack.py

Sorry = Callable[[str], object]  # tells the person who asked why nothing happened


class Worker:
    """Runs listeners' work off the request path; a failure is logged, never lost silently."""

    def __init__(self, uow: UnitOfWork, clock: Callable[[], datetime]) -> None:
        self.uow = uow
        self.clock = clock
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="billbot-work")
        self.apologies = ThreadPoolExecutor(max_workers=1, thread_name_prefix="billbot-sorry")
        self.max_backlog = MAX_BACKLOG
        self.backlog = 0  # work handed to the pool and not finished
        self._counting = threading.Lock()

    def later(
        self,
        work: Callable[..., None],
        /,
        sorry: Sorry | None = None,
        once: str | None = None,
        **kwargs: Any,
    ) -> bool:
        """`work(**kwargs)` after the ack; False when too busy to take it on. When the
        database is out of reach the person is told so by `sorry`. `once`: a Slack event id or
        trigger id; Slack re-sends events it thinks were missed (X-Slack-Retry-Num), a replay
        re-sends anything, and each id is acted on once. (Bolt's lazy listeners deep-copy
        every request: too slow.)"""
        with self._counting:
            full = self.backlog >= self.max_backlog
            if not full:
                self.backlog += 1
        if full:  # overloaded: memory stays bounded, and whoever asked hears so at once
            log.warning("too busy: %s not taken on", getattr(work, "__name__", "work"))
            if sorry is not None:
                self.apologies.submit(_say, sorry, BUSY)
            return False
        taken = time.monotonic()
        self.pool.submit(self._run, work, sorry, once, kwargs, taken).add_done_callback(
            self._finished
        )
        return True

    def here(self, work: Callable[..., None], /, **kwargs: Any) -> None:
        """`work(**kwargs)` in the calling thread (a timer's), as the pool would run it."""
        try:
            self._run(work, None, None, kwargs, time.monotonic())
        except Exception:  # as _finished: logged, never lost silently
            log.exception("work after an ack failed")

    def _finished(self, future: Future[None]) -> None:
        with self._counting:
            self.backlog -= 1
        error = future.exception()
        if error is not None:
            log.error("work after an ack failed", exc_info=error)

    def _run(
        self,
        work: Callable[..., None],
        sorry: Sorry | None,
        once: str | None,
        kwargs: dict,
        taken: float,
    ) -> None:
        REQUESTS.make_way(taken)  # requests being acked go first
        try:
            if once and not first_time(self.uow, source="slack", event_id=once, now=self.clock()):
                log.info("dropped a repeated Slack event %s", once)
                return
            work(**kwargs)
        except (OperationalError, InterfaceError) as error:  # the connection failed: nothing
            # was changed (the unit of work rolled back); the person hears so, not silence
            log.warning("the database is out of reach: %s", type(error.orig).__name__)
            if sorry is not None:
                _say(sorry, UNAVAILABLE)


def once_per_trigger(body: dict) -> str | None:
    """What makes a command or a click one of a kind: Slack gives each its own trigger id, so
    the same signed request sent again (a replay) is acted on once. A click in a workflow's
    message has no trigger id: its action's timestamp and the clicker tell it apart."""
    if body.get("trigger_id"):
        return f"trigger:{body['trigger_id']}"
    action = (body.get("actions") or [{}])[0]
    if action.get("action_ts"):
        return f"action:{body['user']['id']}:{action['action_ts']}"
    return None


def _say(sorry: Sorry, text: str) -> None:
    """Tell the person why nothing happened; if even that fails, the log says so."""
    try:
        sorry(text)
    except (SlackApiError, OSError, ValueError) as error:  # ValueError: no response_url
        log.warning("could not tell someone %r: %s", text[:40], error)
