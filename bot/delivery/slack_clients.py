"""Each workspace's bot token, and one async Web API client per token over a shared pool."""

import logging

import aiohttp
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine

from bot.settings import Settings
from storage.tables import Workspace
from storage.unit_of_work import UnitOfWork

# slack-sdk formats its debug text on every call unless its logger's own level says otherwise
# (slack-sdk issue #1957): give it one that does.
QUIET = logging.getLogger("billbot.slack_sdk")
QUIET.setLevel(logging.INFO)


class BotTokens:
    """The one bot token, or (OAuth installs) each workspace's, looked up once."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings, self.uow = settings, UnitOfWork(engine)
        self.installations = (
            SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
            if settings.slack_client_id
            else None
        )
        self._tokens: dict[int, str | None] = {}

    def token_for(self, workspace_id: int) -> str | None:
        if self._tokens.get(workspace_id) is None:
            if self.installations is None:
                self._tokens[workspace_id] = self.settings.slack_bot_token
            else:
                with self.uow.read():
                    workspace = self.uow.session.get(Workspace, workspace_id)
                    team_id = workspace.team_id if workspace else ""
                bot = self.installations.find_bot(enterprise_id=None, team_id=team_id)
                self._tokens[workspace_id] = bot.bot_token if bot else None
        return self._tokens[workspace_id]


class SlackClients:
    """A client per token for one drain, all over one aiohttp session."""

    def __init__(self, tokens: BotTokens, base: str, http: aiohttp.ClientSession) -> None:
        self.tokens, self.base, self.http = tokens, base, http
        self._clients: dict[str, AsyncWebClient] = {}

    def __call__(self, workspace_id: int) -> AsyncWebClient | None:
        token = self.tokens.token_for(workspace_id)
        if token is None:
            return None
        if token not in self._clients:
            self._clients[token] = AsyncWebClient(
                token=token, base_url=self.base, session=self.http, timeout=30, logger=QUIET
            )
        return self._clients[token]
