"""Building the Bolt app for one workspace (bot token) or many (OAuth install)."""

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from slack_bolt import App, BoltResponse
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.settings import Settings
from bot.slack_app import Door, register
from bot.slack_client import web_client
from commands.actor import identify
from storage.unit_of_work import UnitOfWork

BOT_SCOPES = [  # the same list as manifest.yml (a test keeps them equal)
    "app_mentions:read",
    "channels:history",
    "chat:write",
    "commands",
    "files:write",
    "groups:history",
    "im:history",
    "im:write",
    "users:read",
    "users:read.email",
]


def build_bolt(
    settings: Settings,
    engine: Engine,
    clock: Callable[[], datetime],
    *,
    wake: Callable[[], None] | None = None,
) -> App:
    if not settings.slack_signing_secret:
        raise SystemExit("SLACK_SIGNING_SECRET is required to serve Slack.")
    # Bolt logs a refused request with its whole body at INFO: only its warnings are kept
    logging.getLogger("slack_bolt.RequestVerification").setLevel(logging.WARNING)
    client = web_client(settings, settings.slack_bot_token)
    door = Door(settings, UnitOfWork(engine), clock, wake)
    if settings.slack_client_id and settings.slack_client_secret:
        app = _multi_workspace(settings, engine, client, door)
    else:
        app = App(
            token=settings.slack_bot_token,
            signing_secret=settings.slack_signing_secret,
            client=client,
            process_before_response=True,
            token_verification_enabled=False,
        )
    register(app, door)
    return app


def _multi_workspace(settings: Settings, engine: Engine, client: WebClient, door: Door) -> App:
    client_id, secret = settings.slack_client_id or "", settings.slack_client_secret or ""
    installations = SQLAlchemyInstallationStore(client_id=client_id, engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine)
    installations.create_tables()  # slack-sdk owns these tables (slack_*), not our migrations
    states.metadata.create_all(engine)
    oauth = OAuthSettings(
        client_id=client_id,
        client_secret=secret,
        scopes=BOT_SCOPES,
        installation_store=installations,
        state_store=states,
        redirect_uri=f"{settings.public_url.rstrip('/')}/slack/oauth_redirect",
        callback_options=CallbackOptions(success=_first_operator(door), failure=_failed),
    )
    authorize = InstallationStoreAuthorize(
        logger=logging.getLogger("billbot.slack"),
        installation_store=installations,
        client_id=client_id,
        client_secret=secret,
        cache_enabled=True,
        client=client,
    )
    return App(
        signing_secret=settings.slack_signing_secret,
        client=client,
        authorize=cast(Any, authorize),  # an Authorize instance is used as is
        installation_store=installations,
        oauth_settings=oauth,
        process_before_response=True,
    )


def _first_operator(door: Door) -> Callable[[SuccessArgs], BoltResponse]:
    """Whoever installs billbot into a workspace is its first operator."""

    def success(args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        user_id = installation.user_id
        identify(
            door.uow,
            team_id=installation.team_id or "",
            user_id=user_id,
            name=user_id,
            account_type="developer",
            now=door.clock(),
            operators=frozenset({user_id}),
        )
        return BoltResponse(
            status=200,
            headers={"content-type": "text/html; charset=utf-8"},
            body="<p>billbot is installed. Type <code>/billing help</code> in Slack.</p>",
        )

    return success


def _failed(args: FailureArgs) -> BoltResponse:
    return BoltResponse(
        status=args.suggested_status_code,
        headers={"content-type": "text/plain; charset=utf-8"},
        body=f"The installation did not complete: {args.reason}",
    )
