"""Delivering the outbox from anywhere (the server's background loop, run-due, the invite
page): finds each workspace's bot token, shares one HTTP connection pool, and draws the
statement chart that goes with a statement_ready message."""

import asyncio
from collections.abc import Callable
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit
from urllib.request import proxy_bypass

import aiohttp
from sqlalchemy import Engine

from bot.delivery.drain import Drain
from bot.delivery.mailer import mailer_for
from bot.delivery.report import DrainReport
from bot.delivery.slack_clients import BotTokens, SlackClients
from bot.delivery.statement_chart import statement_chart
from bot.delivery.web_client import api_base
from bot.settings import Settings
from storage.unit_of_work import UnitOfWork


class Courier:
    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        clock: Callable[[], datetime],
        *,
        concurrency: int | None = None,
    ) -> None:
        self.settings, self.clock = settings, clock
        self.uow = UnitOfWork(engine)
        self.mailer = mailer_for(settings)
        self.concurrency = concurrency or settings.delivery_concurrency
        self.tokens = BotTokens(settings, engine)

    async def drain(
        self,
        *,
        until_idle: bool = True,
        clock: Callable[[], datetime] | None = None,
        wake: asyncio.Event | None = None,
    ) -> DrainReport:
        base = api_base(self.settings)
        trust_env = not proxy_bypass(urlsplit(base).hostname or "")
        connector = aiohttp.TCPConnector(limit=self.concurrency * 2)
        async with aiohttp.ClientSession(connector=connector, trust_env=trust_env) as http:
            drain = Drain(
                self.uow,
                SlackClients(self.tokens, base, http),
                clock or self.clock,
                mailer=self.mailer,
                chart=partial(statement_chart, self.uow),
                concurrency=self.concurrency,
            )
            return await drain.run(until_idle=until_idle, wake=wake)

    def drain_now(self, clock: Callable[[], datetime] | None = None) -> DrainReport:
        """From a thread: deliver what is due, then return."""
        return asyncio.run(self.drain(clock=clock))
