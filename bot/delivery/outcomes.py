"""What became of a row (sent, retried, deferred, given up), counted in the drain's report."""

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.delivery.pacing import Pacer
from bot.delivery.report import DrainReport
from storage.outbox import MAX_ATTEMPTS, Claimed, Outcome

log = logging.getLogger("billbot.drain")
# Slack answers these when the message can never go out as addressed.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "user_not_found",
        "cannot_dm_bot",
        "user_disabled",
        "invalid_auth",
        "token_revoked",
        "restricted_action",
        "msg_too_long",
    }
)


class Outcomes:
    def __init__(self, clock: Callable[[], datetime], pacer: Pacer, report: DrainReport) -> None:
        self.clock, self.pacer, self.report = clock, pacer, report
        self.deferred_until = 0.0  # monotonic: until then, rows handed back are still coming

    def defer(self, row: Claimed, wait: float, ts: str | None, why: str | None) -> Outcome:
        """Back to the outbox for `wait` seconds, not counted as a try."""
        self.deferred_until = max(self.deferred_until, time.monotonic() + wait + 0.1)
        at = self.clock() + timedelta(seconds=wait)
        return Outcome(row.id, "deferred", at, ts, why, row.attempts, maybe_posted=row.resumed)

    def slack_error(self, row: Claimed, error: SlackApiError, ts: str | None = None) -> Outcome:
        response: Any = error.response
        code = str(response.get("error", "")) if response is not None else ""
        if response is not None and response.status_code == 429:
            wait = float(
                response.headers.get("Retry-After", response.headers.get("retry-after", 1)) or 1
            )
            self.pacer.hold(row.channel or "", time.monotonic() + wait)
            self.report.rate_limited += 1
            return self.defer(row, wait, ts or row.slack_ts, "ratelimited")
        if code in PERMANENT:
            return self.give_up(row, f"Slack said {code}", ts)
        return self.retry(row, f"Slack said {code or response}", ts or row.slack_ts)

    def sent(self, row: Claimed, ts: str | None) -> Outcome:
        now = self.clock()
        self.report.sent += 1
        self.report.delays.append((now - row.created_at).total_seconds())
        return Outcome(row.id, "sent", now, ts, None, row.attempts)

    def retry(
        self, row: Claimed, error: str, ts: str | None, *, uncertain: bool = False
    ) -> Outcome:
        """Another try later; `uncertain`: this try may have posted (its answer was lost)."""
        attempts = row.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            return self.give_up(row, error, ts)
        log.warning("message %s not sent (try %s): %s", row.id, attempts, error)
        self.report.retried += 1
        later = self.clock() + timedelta(minutes=2**attempts)
        return Outcome(row.id, "retry", later, ts, error, attempts, row.resumed or uncertain)

    def give_up(self, row: Claimed, error: str, ts: str | None = None) -> Outcome:
        log.warning("message %s given up: %s", row.id, error)
        self.report.failed += 1
        return Outcome(row.id, "failed", self.clock(), ts, error, row.attempts + 1)
