"""Building the Bolt app for one workspace (bot token) or many (OAuth install)."""

from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from sqlalchemy import Engine

from bot.delivery.mailer import mailer_for
from bot.delivery.web_client import web_client
from bot.settings import Settings
from bot.slack.actors import Actors
from bot.slack.door import Door
from bot.slack.home_tabs import HomeTabs
from bot.slack.listeners import register
from bot.slack.oauth import oauth_options
from bot.slack.sender import Sender
from bot.slack.token_check import TokenCheck
from bot.slack.worker import Worker
from bot.terms import Terms
from storage.unit_of_work import UnitOfWork


def build_bolt(
    settings: Settings,
    engine: Engine,
    clock: Callable[[], datetime],
    *,
    wake: Callable[[], None] | None = None,
) -> App:
    if not settings.slack_signing_secret:
        raise SystemExit("SLACK_SIGNING_SECRET is required to serve Slack.")
    client = web_client(settings, settings.slack_bot_token)
    uow = UnitOfWork(engine)
    worker = Worker(uow, clock)
    door = Door(
        uow,
        clock,
        Terms.of(settings),
        worker,
        Actors(uow, clock, settings.operators),
        Sender(mailer_for(settings), wake or (lambda: None)),
        HomeTabs(worker),
    )
    if settings.slack_client_id and settings.slack_client_secret:
        flavour = oauth_options(settings, engine, client, uow, clock)
    else:
        check = TokenCheck(client, settings.slack_bot_token or "")
        check.start()
        flavour = {"authorize": check.authorize()}
    # Slack's signature is checked once, by bot/server.py, on the raw bytes before anything is
    # parsed; Bolt's own check (for the OAuth flavour too) would only repeat it. Socket Mode
    # carries no signature: Bolt never checked it there.
    app = App(
        client=client,
        process_before_response=True,
        request_verification_enabled=False,
        **flavour,
    )
    register(app, door)
    return app
