"""Delivering the outbox at Slack's pace: many messages at once (32 by default), about one per
second per channel, a 429's Retry-After honoured for that channel only, so one busy channel
never holds up the others. A row whose sender died mid-send is first looked for in the channel
(by the key in its message metadata) before it is sent again."""

import asyncio
import contextlib
import logging
import smtplib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.direct import message_blocks
from bot.delivery.mailer import Mailer
from bot.render.blocks import fallback_text
from storage.outbox import MAX_ATTEMPTS, Claimed, Outcome, claim, expand, record, remember_ts
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.drain")
PER_CHANNEL = 1.05  # seconds between two messages to one channel: Slack allows about 1/s,
# and exactly 1.0 drew 429s from timing jitter on 37% of calls (bench/fanout.py one-channel)
HOLD = 2.0  # a channel busy for longer than this hands its row back to the outbox
METADATA = "billbot_notice"
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


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    rate_limited: int = 0
    found_already_sent: int = 0
    expanded: int = 0
    delays: list[float] = field(default_factory=list)  # seconds from written to sent


class Pacer:
    """When each channel may get its next message (monotonic seconds)."""

    def __init__(self, interval: float = PER_CHANNEL) -> None:
        self.interval = interval
        self.free_at: dict[str, float] = {}

    def reserve(self, channel: str, now: float, hold: float = HOLD) -> float:
        """Seconds to wait before sending to `channel`. The slot is taken only when the wait is
        at most `hold`: a row handed back to the outbox must not push the channel further out."""
        at = max(now, self.free_at.get(channel, 0.0))
        if at - now <= hold:
            self.free_at[channel] = at + self.interval
        return at - now

    def hold(self, channel: str, until: float) -> None:
        self.free_at[channel] = max(self.free_at.get(channel, 0.0), until)


Clients = Callable[[int], AsyncWebClient | None]
Chart = Callable[[Claimed], tuple[bytes, str] | None]


class Drain:
    def __init__(
        self,
        uow: UnitOfWork,
        clients: Clients,
        clock: Callable[[], datetime],
        *,
        mailer: Mailer | None = None,
        chart: Chart | None = None,
        concurrency: int = 32,
        pacer: Pacer | None = None,
    ) -> None:
        self.uow, self.clients, self.clock = uow, clients, clock
        self.mailer, self.chart = mailer, chart
        self.concurrency = concurrency
        self.pacer = pacer or Pacer()
        self.report = DrainReport()
        self._done: list[Outcome] = []
        self._slots = asyncio.Semaphore(concurrency)
        # Charts are drawn on their own two threads, so the claim and record calls in the
        # default pool never queue behind them (a slow record widens the window a crash hits).
        self._charts = ThreadPoolExecutor(max_workers=2, thread_name_prefix="billbot-chart")
        self._deferred_until = 0.0  # monotonic: until then, rows handed back are still coming

    async def run(
        self, *, until_idle: bool = True, wake: asyncio.Event | None = None
    ) -> DrainReport:
        """Drain what is due; with `until_idle` stop when nothing is due or in flight, else poll
        (every second, or sooner when `wake` is set) until cancelled."""
        inflight: set[asyncio.Task[None]] = set()
        while True:
            room = self.concurrency * 4 - len(inflight)
            rows = (
                await asyncio.to_thread(claim, self.uow, now=self.clock(), limit=room)
                if room > 0
                else []
            )
            for row in rows:
                if row.channel is None and row.email is None and row.company_id is not None:
                    self.report.expanded += await asyncio.to_thread(
                        expand, self.uow, row, now=self.clock()
                    )
                    continue
                task = asyncio.create_task(self._deliver(row))
                inflight.add(task)
                task.add_done_callback(inflight.discard)
            await self._flush()
            if not rows and not inflight and not self._done:
                if until_idle and time.monotonic() >= self._deferred_until:
                    self._charts.shutdown(wait=False)
                    return self.report
                await _nap(wake, 0.2 if until_idle else 1.0)
            elif inflight:
                await asyncio.wait(inflight, timeout=0.02, return_when=asyncio.FIRST_COMPLETED)

    async def _flush(self) -> None:
        done, self._done = self._done, []
        if done:
            await asyncio.to_thread(record, self.uow, done)

    async def _deliver(self, row: Claimed) -> None:
        wait = self.pacer.reserve(row.channel or row.email or "", time.monotonic())
        if wait > HOLD:
            self.report.deferred += 1
            self._deferred_until = max(self._deferred_until, time.monotonic() + wait + 0.1)
            self._done.append(
                Outcome(
                    row.id,
                    "deferred",
                    self.clock() + timedelta(seconds=wait),
                    row.slack_ts,
                    None,
                    row.attempts,
                    maybe_posted=row.resumed,
                )
            )
            return
        if wait > 0:
            await asyncio.sleep(wait)
        async with self._slots:
            outcome = await self._attempt(row)
        self._done.append(outcome)  # after the await: _flush may have swapped the list meanwhile

    async def _attempt(self, row: Claimed) -> Outcome:
        try:
            if row.email is not None:
                await asyncio.to_thread(self._mail, row)
                return self._sent(row, None)
            client = self.clients(row.workspace_id)
            if client is None or row.channel is None:  # not installed (yet): try again later
                return self._retry(row, "no Slack token for this workspace", row.slack_ts)
            return await self._post(client, row)
        except SlackApiError as error:
            return self._slack_error(row, error)
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            # the request may have reached Slack before the connection failed
            why = f"{type(error).__name__}: {error}"
            return self._retry(row, why, row.slack_ts, uncertain=row.email is None)
        except Exception as error:  # a bug must not stop the drain: record it and go on
            log.exception("message %s failed", row.id)
            why = f"{type(error).__name__}: {error}"
            return self._retry(row, why, row.slack_ts, uncertain=row.email is None)

    async def _post(self, client: AsyncWebClient, row: Claimed) -> Outcome:
        assert row.channel is not None
        ts, channel = row.slack_ts, row.channel
        posted_before = ts is not None or row.resumed  # its chart may be in Slack already
        if ts is None and row.resumed:
            ts, channel = await self._find(client, row)
            if ts:
                self.report.found_already_sent += 1
        if ts is None:
            buttons = tuple(
                (b["text"], b.get("action_id", ""), b.get("value", ""))
                for b in row.payload.get("buttons", [])
            )
            text = row.payload.get("text", "")
            answer = await client.chat_postMessage(
                channel=row.channel,
                text=fallback_text(text),
                blocks=message_blocks(text, buttons),
                metadata={"event_type": METADATA, "event_payload": {"key": row.key}},
                unfurl_links=False,
            )
            ts, channel = str(answer.get("ts")), str(answer.get("channel") or row.channel)
        if self.chart is not None and row.payload.get("chart"):
            # Posted: remember the ts now, so a crash or a failed upload never posts it again.
            await asyncio.to_thread(remember_ts, self.uow, row.id, ts)
            try:
                if posted_before and await self._has_chart(client, channel, ts):
                    return self._sent(row, ts)
                chart = await asyncio.get_running_loop().run_in_executor(
                    self._charts, self.chart, row
                )
                if chart is not None:
                    png, title = chart
                    await client.files_upload_v2(
                        channel=channel,
                        thread_ts=ts,
                        content=png,
                        filename="history.png",
                        title=title,
                    )
            except SlackApiError as error:
                return self._slack_error(row, error, ts)
            except Exception as error:  # the network, or drawing: the message stays posted
                return self._retry(row, f"chart: {type(error).__name__}: {error}", ts)
        return self._sent(row, ts)

    async def _has_chart(self, client: AsyncWebClient, channel: str, ts: str) -> bool:
        """A sender that died after uploading the chart left it in the message's thread."""
        try:
            channel = await _conversation(client, channel)
            thread = await client.conversations_replies(channel=channel, ts=ts, limit=20)
        except SlackApiError:
            return False  # cannot tell: better a second chart than none
        return any(m.get("files") for m in thread.get("messages") or [] if m.get("ts") != ts)

    async def _find(self, client: AsyncWebClient, row: Claimed) -> tuple[str | None, str]:
        """The message, if a sender that died had already posted it."""
        assert row.channel is not None
        channel = await _conversation(client, row.channel)
        history = await client.conversations_history(
            channel=channel,
            oldest=str(row.created_at.timestamp() - 1),
            include_all_metadata=True,
            limit=200,
        )
        for message in history.get("messages") or []:
            meta = message.get("metadata") or {}
            if (
                meta.get("event_type") == METADATA
                and (meta.get("event_payload") or {}).get("key") == row.key
            ):
                return str(message.get("ts")), channel
        return None, row.channel

    def _mail(self, row: Claimed) -> None:
        if self.mailer is None or row.email is None:
            raise OSError("no SMTP_URL configured for e-mail")
        self.mailer.send(
            row.email, row.payload.get("subject", "billbot"), row.payload.get("text", "")
        )

    def _slack_error(self, row: Claimed, error: SlackApiError, ts: str | None = None) -> Outcome:
        response: Any = error.response
        code = str(response.get("error", "")) if response is not None else ""
        if response is not None and response.status_code == 429:
            wait = float(
                response.headers.get("Retry-After", response.headers.get("retry-after", 1)) or 1
            )
            self.pacer.hold(row.channel or "", time.monotonic() + wait)
            self._deferred_until = max(self._deferred_until, time.monotonic() + wait + 0.1)
            self.report.rate_limited += 1
            return Outcome(
                row.id,
                "deferred",
                self.clock() + timedelta(seconds=wait),
                ts or row.slack_ts,
                "ratelimited",
                row.attempts,
                maybe_posted=row.resumed,
            )
        if code in PERMANENT:
            return self._give_up(row, f"Slack said {code}", ts)
        return self._retry(row, f"Slack said {code or response}", ts or row.slack_ts)

    def _sent(self, row: Claimed, ts: str | None) -> Outcome:
        now = self.clock()
        self.report.sent += 1
        self.report.delays.append((now - row.created_at).total_seconds())
        return Outcome(row.id, "sent", now, ts, None, row.attempts)

    def _retry(
        self, row: Claimed, error: str, ts: str | None, *, uncertain: bool = False
    ) -> Outcome:
        """Another try later; `uncertain`: this try may have posted (its answer was lost)."""
        attempts = row.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            return self._give_up(row, error, ts)
        log.warning("message %s not sent (try %s): %s", row.id, attempts, error)
        self.report.retried += 1
        later = self.clock() + timedelta(minutes=2**attempts)
        return Outcome(row.id, "retry", later, ts, error, attempts, row.resumed or uncertain)

    def _give_up(self, row: Claimed, error: str, ts: str | None = None) -> Outcome:
        log.warning("message %s given up: %s", row.id, error)
        self.report.failed += 1
        return Outcome(row.id, "failed", self.clock(), ts, error, row.attempts + 1)


async def _conversation(client: AsyncWebClient, channel: str) -> str:
    """A channel as Slack's history methods want it: a person's id becomes their DM's id."""
    if not channel.startswith(("U", "W")):
        return channel
    opened = await client.conversations_open(users=channel)
    return str((opened.get("channel") or {}).get("id") or channel)


async def _nap(wake: asyncio.Event | None, seconds: float) -> None:
    if wake is None:
        await asyncio.sleep(seconds)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), timeout=seconds)
    wake.clear()
