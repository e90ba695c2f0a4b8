"""Delivering the outbox from anywhere (the server's background loop, run-due, the invite
page): finds each workspace's bot token, shares one HTTP connection pool, and draws the
statement chart that goes with a statement_ready message."""

import asyncio
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit
from urllib.request import proxy_bypass

import aiohttp
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlmodel import col, select

from bot.delivery.drain import Drain, DrainReport
from bot.delivery.mailer import mailer_for
from bot.render.chart import history_png
from bot.settings import Settings
from bot.slack_client import api_base
from commands.statements import CLOSED
from storage.outbox import Claimed
from storage.tables import Company, Statement, Workspace
from storage.unit_of_work import UnitOfWork

HISTORY_MONTHS = 12
log = logging.getLogger("billbot.drain")
# slack-sdk formats its debug text on every call unless its logger's own level says otherwise
# (slack-sdk issue #1957): give it one that does.
QUIET = logging.getLogger("billbot.slack_sdk")
QUIET.setLevel(logging.INFO)


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
        self.installations = (
            SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
            if settings.slack_client_id
            else None
        )
        self._tokens: dict[int, str | None] = {}
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None

    def token_for(self, workspace_id: int) -> str | None:
        if self._tokens.get(workspace_id) is None:
            if self.installations is None:
                self._tokens[workspace_id] = self.settings.slack_bot_token
            else:
                with self.uow:
                    workspace = self.uow.session.get(Workspace, workspace_id)
                    team_id = workspace.team_id if workspace else ""
                bot = self.installations.find_bot(enterprise_id=None, team_id=team_id)
                self._tokens[workspace_id] = bot.bot_token if bot else None
        return self._tokens[workspace_id]

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
            clients: dict[str, AsyncWebClient] = {}

            def client(workspace_id: int) -> AsyncWebClient | None:
                token = self.token_for(workspace_id)
                if token is None:
                    return None
                if token not in clients:
                    clients[token] = AsyncWebClient(
                        token=token, base_url=base, session=http, timeout=30, logger=QUIET
                    )
                return clients[token]

            drain = Drain(
                self.uow,
                client,
                clock or self.clock,
                mailer=self.mailer,
                chart=self.chart,
                concurrency=self.concurrency,
            )
            return await drain.run(until_idle=until_idle, wake=wake)

    def drain_now(self, clock: Callable[[], datetime] | None = None) -> DrainReport:
        """From a thread: deliver what is due, then return."""
        return asyncio.run(self.drain(clock=clock))

    # ------------------------------------------------------------------ the server's loop

    def start(self) -> threading.Thread:
        """Deliver continuously in a background thread, woken early by `wake()`."""
        ready = threading.Event()

        def loop() -> None:
            async def forever() -> None:
                event = asyncio.Event()
                self._wake = (asyncio.get_running_loop(), event)
                ready.set()
                while True:
                    try:
                        await self.drain(until_idle=False, wake=event)
                    except (OperationalError, InterfaceError) as error:  # the database is
                        # out of reach: nothing was claimed or recorded; wait and go on
                        log.warning(
                            "delivery waits for the database: %s", type(error.orig).__name__
                        )
                        await asyncio.sleep(5)
                    except Exception:  # a bug: logged in full, and delivery goes on
                        log.exception("delivery loop failed")
                        await asyncio.sleep(5)

            asyncio.run(forever())

        thread = threading.Thread(target=loop, name="billbot-delivery", daemon=True)
        thread.start()
        ready.wait(5)
        return thread

    def wake(self) -> None:
        if self._wake is not None:
            loop, event = self._wake
            loop.call_soon_threadsafe(event.set)

    # ------------------------------------------------------------------ charts

    def chart(self, row: Claimed) -> tuple[bytes, str] | None:
        if row.company_id is None:
            return None
        with self.uow:
            session = self.uow.session
            company = session.get(Company, row.company_id)
            if company is None:
                return None
            history = session.exec(
                select(Statement.period, Statement.total_minor)
                .where(
                    Statement.company_id == row.company_id,
                    col(Statement.status).in_(CLOSED),
                    Statement.currency == company.currency,
                )
                .order_by(col(Statement.period).desc())
                .limit(HISTORY_MONTHS)
            ).all()
            name, currency = company.name, company.currency
        months = sorted((period, total) for period, total in history)
        title = (
            f"{name}: the last {len(months)} months" if len(months) > 1 else f"{name}: first month"
        )
        return history_png(months, currency, title), title
