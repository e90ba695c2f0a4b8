"""Ways listeners answer: a reply through response_url, an apology, a modal that waits."""

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks import fallback_text, reply_blocks
from bot.slack.views.text_modal import text_modal
from bot.slack.worker import Sorry

log = logging.getLogger("billbot.slack")


def say(respond: Respond, text: str, **how: Any) -> None:
    """`text` as Block Kit through the response URL; `how`: ephemeral, replacing or not."""
    respond(text=fallback_text(text), blocks=reply_blocks(text), **how)


def ephemeral(respond: Respond | None) -> Sorry | None:
    if respond is None:  # the Home tab has no response URL
        return None
    return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)


def open_waiting(client: WebClient, trigger_id: str, title: str) -> dict | None:
    """A modal opened at once, while the click's trigger id is fresh (Slack allows 3 s); the
    answer replaces it when the work is done. None: Slack refused (logged)."""
    try:
        opened = client.views_open(trigger_id=trigger_id, view=text_modal(title, "One moment…"))
    except SlackApiError as error:
        log.warning("a modal did not open: %s", error.response.get("error"))
        return None
    view = opened.get("view")
    return view if isinstance(view, dict) else None
