"""Web API clients: pointed at SLACK_API_URL when set, retrying 429s, honouring NO_PROXY."""

from urllib.parse import urlsplit
from urllib.request import proxy_bypass

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings

SLACK_API = "https://slack.com/api/"


def api_base(settings: Settings) -> str:
    base = settings.slack_api_url or SLACK_API
    return base if base.endswith("/") else base + "/"


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """slack-sdk has no variable for the API base, and applies HTTP(S)_PROXY even where
    NO_PROXY says not to: both are settled here, once."""
    base = api_base(settings)
    client = WebClient(token=token, base_url=base)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    if client.proxy and proxy_bypass(urlsplit(base).hostname or ""):
        client.proxy = None
    return client
