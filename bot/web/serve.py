"""Composition root of the server: settings, database, Bolt, Starlette, uvicorn."""

import logging
import sys
from datetime import UTC, datetime
from socket import socket as Socket

import uvicorn

from bot.database import open_database
from bot.delivery.background import DeliveryLoop
from bot.delivery.courier import Courier
from bot.delivery.scheduler import start_scheduler
from bot.delivery.web_client import web_client
from bot.settings import Settings
from bot.slack.app_factory import build_bolt
from bot.slack.socket_door import socket_client
from bot.terms import Terms
from bot.web.invite_page import invite_routes
from bot.web.metrics import Metrics
from bot.web.server import create_web_app
from bot.web.statement_page import statement_routes
from bot.web.stripe_webhook import stripe_routes
from bot.web.usage_api import usage_routes
from payments.factory import gateway_for
from storage.unit_of_work import UnitOfWork


def utc_now() -> datetime:
    return datetime.now(UTC)


def serve_forever(settings: Settings, *, socket: bool = False) -> None:
    # Work after acks runs in threads: hand the GIL back to the event loop sooner than the
    # default 5 ms, so an ack never waits behind a reply being rendered (bench/ack.py).
    sys.setswitchinterval(0.0005)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    engine, _ = open_database(settings)
    gateway = gateway_for(
        settings.stripe_api_key,
        api_base=settings.stripe_api_base,
        webhook_secret=settings.stripe_webhook_secret,
    )
    delivery = DeliveryLoop(Courier(settings, engine, utc_now))
    delivery.start()  # every replica delivers; the outbox hands each row to one of them
    if settings.scheduler:
        start_scheduler(engine, gateway, Terms.of(settings), utc_now, delivery.wake)
    bolt = build_bolt(settings, engine, utc_now, wake=delivery.wake) if settings.has_slack else None
    if socket:
        if bolt is None or not settings.slack_app_token:
            raise SystemExit("Socket Mode needs SLACK_APP_TOKEN and SLACK_BOT_TOKEN.")
        socket_client(bolt, settings.slack_app_token, web_client(settings)).connect()
    uow = UnitOfWork(engine)
    pages = [
        *invite_routes(uow, utc_now, delivery.wake, gateway, settings.public_url),
        *stripe_routes(uow, gateway, utc_now, delivery.wake),
        *usage_routes(uow, utc_now),
        *statement_routes(uow, utc_now, settings.slack_signing_secret or ""),
    ]
    web = create_web_app(
        None if socket else bolt,
        engine,
        Metrics(uow),
        pages,
        signing_secret=settings.slack_signing_secret or "",
    )
    config = uvicorn.Config(
        web, host=settings.host, port=settings.port, log_level="warning", access_log=False
    )
    Server(config, _listening(settings, socket=socket, slack=bolt is not None)).run()


class Server(uvicorn.Server):
    """uvicorn, saying where it listens once its socket is bound."""

    def __init__(self, config: uvicorn.Config, banner: str) -> None:
        super().__init__(config)
        self.banner = banner

    async def startup(self, sockets: list[Socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            print(self.banner, flush=True)


def _listening(settings: Settings, *, socket: bool, slack: bool) -> str:
    base = f"http://{settings.host}:{settings.port}"
    if socket:
        where = "Slack over Socket Mode"
    elif slack:
        where = f"Slack at {base}/slack/events"
    else:
        where = "no Slack (no SLACK_BOT_TOKEN or SLACK_CLIENT_ID)"
    return f"billbot serves {where}; health at {base}/healthz, metrics at {base}/metrics."
