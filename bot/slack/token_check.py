"""The bot token, checked with Slack's auth.test once at start, in the background: a request
never waits for Slack's API, and is answered while Slack can't be reached (Bolt would ask
auth.test on the first request and answer HTTP 500 when that fails)."""

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)
RETRY_SECONDS = (1, 2, 5, 10, 30, 60)  # then every minute until Slack answers


class TokenCheck:
    """Who the bot is (auth.test), once Slack has said; until then requests go on without it."""

    def __init__(
        self, client: WebClient, token: str, retry_seconds: Sequence[float] = RETRY_SECONDS
    ) -> None:
        self.client, self.token, self.retry_seconds = client, token, retry_seconds
        self.identity: dict[str, Any] = {}
        self.refused: str | None = None  # Slack's error when it refused the token
        self._stop = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._run, name="slack-token-check", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self.identity = dict(self.client.auth_test(token=self.token).data)  # type: ignore[arg-type]
                log.info("Slack accepted the bot token (bot user %s)", self.identity.get("user_id"))
                return
            except SlackApiError as error:
                self.refused = str(error.response.get("error", "refused"))
                log.error("Slack refused SLACK_BOT_TOKEN (%s): check the token", self.refused)
                return
            except OSError as error:  # the network (URLError, timeouts): Slack can't be reached now
                wait = self.retry_seconds[min(attempt, len(self.retry_seconds) - 1)]
                log.warning("Slack's API can't be reached (%s); retrying in %ss", error, wait)
                attempt += 1
                self._stop.wait(wait)

    def authorize(self) -> Callable[..., AuthorizeResult]:
        """Bolt's authorize function (Bolt passes arguments by name): the bot token always, the
        bot's own ids once auth.test has answered."""

        def authorize(
            enterprise_id: str | None, team_id: str | None, user_id: str | None
        ) -> AuthorizeResult:
            return self._result(enterprise_id, team_id, user_id)

        return authorize

    def _result(
        self, enterprise_id: str | None, team_id: str | None, user_id: str | None
    ) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=self.token,
            bot_user_id=self.identity.get("user_id"),
            bot_id=self.identity.get("bot_id"),
            user_id=user_id,
        )
