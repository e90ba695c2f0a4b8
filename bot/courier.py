"""Delivering a workspace's due messages from outside a Slack request (the invite page, the
scheduler): finds the workspace's bot token, then drains its outbox."""

from collections.abc import Callable
from datetime import datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import Engine

from bot.delivery import deliver_due
from bot.mailer import mailer_for
from bot.settings import Settings
from bot.slack_client import web_client
from storage.tables import Workspace
from storage.unit_of_work import UnitOfWork


def courier(
    settings: Settings, engine: Engine, clock: Callable[[], datetime]
) -> Callable[[int], int]:
    uow = UnitOfWork(engine)
    mailer = mailer_for(settings)
    installations = (
        SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
        if settings.slack_client_id
        else None
    )

    def token_for(team_id: str) -> str | None:
        if installations is None:
            return settings.slack_bot_token
        bot = installations.find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot else None

    def deliver(workspace_id: int) -> int:
        with uow:
            workspace = uow.session.get(Workspace, workspace_id)
            team_id = workspace.team_id if workspace else ""
        token = token_for(team_id)
        if token is None and mailer is None:
            return 0
        return deliver_due(
            uow,
            workspace_id=workspace_id,
            client=web_client(settings, token),
            mailer=mailer,
            now=clock(),
        )

    return deliver
