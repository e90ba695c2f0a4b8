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
from dataclasses import replace
from datetime import datetime

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.chart_sharing import Chart, ChartSharing
from bot.delivery.claiming import claim_due, record_done
from bot.delivery.crash_lookup import find_posted
from bot.delivery.mailer import Mailer, mail_notice
from bot.delivery.outcomes import Outcomes
from bot.delivery.pacing import HOLD, Pacer
from bot.delivery.posting import post_notice
from bot.delivery.report import DrainReport
from bot.render.notices import render_notice
from storage.outbox import Claimed, Outcome
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.drain")
Clients = Callable[[int], AsyncWebClient | None]


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
        self.uow, self.clients, self.clock, self.mailer = uow, clients, clock, mailer
        self.concurrency = concurrency
        self.pacer = pacer or Pacer()
        self.report = DrainReport()
        self.outcomes = Outcomes(clock, self.pacer, self.report)
        self.charts = ChartSharing(uow, chart, self.outcomes) if chart is not None else None
        self._done: list[Outcome] = []
        self._slots = asyncio.Semaphore(concurrency)

    async def run(
        self, *, until_idle: bool = True, wake: asyncio.Event | None = None
    ) -> DrainReport:
        """Drain what is due; with `until_idle` stop when nothing is due or in flight, else poll
        (every second, or sooner when `wake` is set) until cancelled."""
        inflight: set[asyncio.Task[None]] = set()
        while True:
            room = self.concurrency * 4 - len(inflight)
            claimed, rows = await claim_due(self.uow, self.clock, room, self.report)
            for row in rows:
                task = asyncio.create_task(self._deliver(row))
                inflight.add(task)
                task.add_done_callback(inflight.discard)
            done, self._done = self._done, []
            await record_done(self.uow, done)
            if not claimed and not inflight and not self._done:
                if until_idle and time.monotonic() >= self.outcomes.deferred_until:
                    if self.charts is not None:
                        self.charts.close()
                    return self.report
                await _nap(wake, 0.2 if until_idle else 1.0)
            elif inflight:
                await asyncio.wait(inflight, timeout=0.02, return_when=asyncio.FIRST_COMPLETED)

    async def _deliver(self, row: Claimed) -> None:
        wait = self.pacer.reserve(row.channel or row.email or "", time.monotonic())
        if wait > HOLD:
            self.report.deferred += 1
            self._done.append(self.outcomes.defer(row, wait, row.slack_ts, None))
            return
        if wait > 0:
            await asyncio.sleep(wait)
        async with self._slots:
            outcome = await self._attempt(row)
        self._done.append(outcome)  # after the await: run may have swapped the list meanwhile

    async def _attempt(self, row: Claimed) -> Outcome:
        """One try at one row; the boundary of its task: whatever happens becomes an Outcome."""
        try:
            row = replace(row, payload=render_notice(row.payload))
            if row.email is not None:
                await asyncio.to_thread(mail_notice, self.mailer, row)
                return self.outcomes.sent(row, None)
            client = self.clients(row.workspace_id)
            if client is None or row.channel is None:  # not installed (yet): try again later
                return self.outcomes.retry(row, "no Slack token for this workspace", row.slack_ts)
            return await self._post(client, row)
        except SlackApiError as error:
            return self.outcomes.slack_error(row, error)
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            # the request may have reached Slack before the connection failed
            why = f"{type(error).__name__}: {error}"
            return self.outcomes.retry(row, why, row.slack_ts, uncertain=row.email is None)
        except Exception as error:  # a bug must not stop the drain: record it and go on
            log.exception("message %s failed", row.id)
            why = f"{type(error).__name__}: {error}"
            return self.outcomes.retry(row, why, row.slack_ts, uncertain=row.email is None)

    async def _post(self, client: AsyncWebClient, row: Claimed) -> Outcome:
        assert row.channel is not None
        ts, channel = row.slack_ts, row.channel
        posted_before = ts is not None or row.resumed  # its chart may be in Slack already
        if ts is None and row.resumed:
            ts, channel = await find_posted(client, row)
            if ts:
                self.report.found_already_sent += 1
        if ts is None:
            ts, channel = await post_notice(client, row)
        if self.charts is not None and row.payload.get("chart"):
            return await self.charts.share(client, row, channel, ts, posted_before)
        return self.outcomes.sent(row, ts)


async def _nap(wake: asyncio.Event | None, seconds: float) -> None:
    if wake is None:
        await asyncio.sleep(seconds)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), timeout=seconds)
    wake.clear()
