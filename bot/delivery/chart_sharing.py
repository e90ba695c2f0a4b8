"""A statement's chart, drawn on two threads of its own and shared in its message's thread."""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import SQLAlchemyError

from billing.errors import Invalid
from bot.delivery.crash_lookup import has_chart
from bot.delivery.outcomes import Outcomes
from storage.outbox import Claimed, Outcome, remember_ts
from storage.unit_of_work import UnitOfWork

Chart = Callable[[Claimed], tuple[bytes, str] | None]
# What drawing and uploading a chart can meet; the message stays posted, the chart waits for
# the next try. TimeoutError is an OSError.
CHART_FAULTS = (
    ValueError,  # figures a chart cannot show (matplotlib's own complaints are ValueErrors too)
    Invalid,  # a currency billing/ does not know
    RuntimeError,  # matplotlib's renderer
    OSError,  # fonts and files, and the network under the upload
    SQLAlchemyError,  # the statement history could not be read
    aiohttp.ClientError,  # the upload's connection
    SlackClientError,  # the upload URL refused the file
)


class ChartSharing:
    def __init__(self, uow: UnitOfWork, chart: Chart, outcomes: Outcomes) -> None:
        self.uow, self.chart, self.outcomes = uow, chart, outcomes
        # Its own two threads, so the claim and record calls in the default pool never queue
        # behind drawing (a slow record widens the window a crash hits).
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="billbot-chart")

    async def share(
        self, client: AsyncWebClient, row: Claimed, channel: str, ts: str, posted_before: bool
    ) -> Outcome:
        """`posted_before`: an earlier try posted the message, so its chart may be there."""
        # Posted: remember the ts now, so a crash or a failed upload never posts it again.
        await asyncio.to_thread(remember_ts, self.uow, row.id, ts)
        try:
            if not (posted_before and await has_chart(client, channel, ts)):
                await self._draw_and_upload(client, row, channel, ts)
        except SlackApiError as error:
            return self.outcomes.slack_error(row, error, ts)
        except CHART_FAULTS as error:
            return self.outcomes.retry(row, f"chart: {type(error).__name__}: {error}", ts)
        return self.outcomes.sent(row, ts)

    async def _draw_and_upload(
        self, client: AsyncWebClient, row: Claimed, channel: str, ts: str
    ) -> None:
        chart = await asyncio.get_running_loop().run_in_executor(self._threads, self.chart, row)
        if chart is not None:
            png, title = chart
            await client.files_upload_v2(
                channel=channel, thread_ts=ts, content=png, filename="history.png", title=title
            )

    def close(self) -> None:
        self._threads.shutdown(wait=False)
