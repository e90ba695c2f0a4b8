"""Ways listeners answer: a reply through response_url, an apology, a modal that waits."""

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import fallback_text, reply_blocks
from bot.slack.door import Door
from bot.slack.views.text_modal import text_modal
from bot.slack.worker import Sorry, once_per_trigger

log = logging.getLogger("billbot.slack")


def say(respond: Respond, text: str, **how: Any) -> None:
    """`text` as Block Kit through the response URL; `how`: ephemeral, replacing or not."""
    respond(text=fallback_text(text), blocks=reply_blocks(text), **how)


def say_to_clicker(
    client: WebClient, body: dict, respond: Respond | None, text: str, **how: Any
) -> None:
    """Through the response URL; a click without one (in a workflow's message) is answered
    with an ephemeral message in its channel."""
    if respond is not None and respond.response_url:
        say(respond, text, **how)
        return
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    if not channel:
        log.warning("a click's answer had nowhere to go: %s", text[:60])
        return
    user = body["user"]["id"]
    blocks = reply_blocks(text)
    client.chat_postEphemeral(channel=channel, user=user, text=fallback_text(text), blocks=blocks)


def ephemeral(respond: Respond | None) -> Sorry | None:
    if respond is None or not respond.response_url:  # the Home tab has no response URL
        return None
    return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)


def open_waiting(client: WebClient, trigger_id: str | None, title: str) -> dict | None:
    """A modal opened at once, while the click's trigger id is fresh (Slack allows 3 s); the
    answer replaces it when the work is done. None: Slack refused, or the click came without
    a trigger id (a workflow's message), logged."""
    if not trigger_id:
        log.warning("a %s modal cannot open: the click came without a trigger id", title)
        return None
    try:
        opened = client.views_open(trigger_id=trigger_id, view=text_modal(title, "One moment…"))
    except SlackApiError as error:
        log.warning("a modal did not open: %s", error.response.get("error"))
        return None
    view = opened.get("view")
    return view if isinstance(view, dict) else None


def answer_click(
    door: Door,
    work: Callable[..., None],
    body: dict,
    client: WebClient,
    context: BoltContext,
    respond: Respond | None,
    **more: Any,
) -> None:
    """`work` for a button click, after the ack and once per click; if the database is out of
    reach, the clicker hears so."""
    door.worker.later(
        work,
        sorry=ephemeral(respond),
        once=once_per_trigger(body),
        door=door,
        body=body,
        client=client,
        context=context,
        respond=respond,
        **more,
    )


def dm_channel(client: WebClient, user_id: str) -> str:
    """The person's direct message channel with billbot (where private files go)."""
    opened = client.conversations_open(users=user_id)
    return str((opened.get("channel") or {}).get("id") or user_id)
