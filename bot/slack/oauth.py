"""Installing billbot into many workspaces: OAuth settings, token lookup, install callbacks."""

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from slack_bolt import BoltResponse
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.settings import Settings
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


def oauth_options(
    settings: Settings,
    engine: Engine,
    client: WebClient,
    uow: UnitOfWork,
    clock: Callable[[], datetime],
) -> dict[str, Any]:
    """What Bolt's App takes to serve every workspace that installs billbot."""
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
        callback_options=CallbackOptions(success=_first_operator(uow, clock), failure=_failed),
    )
    authorize = InstallationStoreAuthorize(
        logger=logging.getLogger("billbot.slack"),
        installation_store=installations,
        client_id=client_id,
        client_secret=secret,
        cache_enabled=True,
        client=client,
    )
    return {
        "authorize": cast(Any, authorize),  # an Authorize instance is used as is
        "installation_store": installations,
        "oauth_settings": oauth,
    }


def _first_operator(
    uow: UnitOfWork, clock: Callable[[], datetime]
) -> Callable[[SuccessArgs], BoltResponse]:
    """Whoever installs billbot into a workspace is its first operator."""

    def success(args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        user_id = installation.user_id
        identify(
            uow,
            team_id=installation.team_id or "",
            user_id=user_id,
            name=user_id,
            account_type="developer",
            now=clock(),
            operators=frozenset({user_id}),
            team_name=installation.team_name,
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
