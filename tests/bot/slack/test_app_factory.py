"""One signature check: bot/server.py's, on the raw bytes before parsing. Bolt's own check is
off, for one workspace and for OAuth installs alike."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_bolt.middleware import RequestVerification

from bot.settings import Settings
from bot.slack.app_factory import build_bolt
from storage.database import make_engine

OAUTH = {"slack_client_id": "1.2", "slack_client_secret": "oauth-secret"}


@pytest.mark.parametrize("extra", [{}, OAUTH], ids=["one workspace", "oauth"])
def test_bolt_does_not_check_signatures_a_second_time(tmp_path: Path, extra: dict) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'bolt.db'}",
        slack_bot_token="xoxb-local-1",
        slack_signing_secret="8f742231b10e8888abcd99yyyzzz85a5",
        slack_api_url="http://127.0.0.1:9",  # nothing listens: building calls no Slack API
        **extra,
    )
    engine = make_engine(settings.database_url)
    try:
        app = build_bolt(settings, engine, lambda: datetime.now(UTC))
        middleware = app._middleware_list  # what Bolt runs before listeners
        assert middleware, "Bolt's middleware was not set up"
        assert not [m for m in middleware if isinstance(m, RequestVerification)]
        assert (app.oauth_flow is not None) == bool(extra)
    finally:
        engine.dispose()


def test_without_a_signing_secret_slack_is_not_served(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'bolt.db'}",
        slack_bot_token="x",
        slack_signing_secret=None,
    )
    with pytest.raises(SystemExit):
        build_bolt(settings, make_engine(settings.database_url), lambda: datetime.now(UTC))
