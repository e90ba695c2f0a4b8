"""Posting one outbox row to Slack, its key in the message's metadata (see crash_lookup)."""

from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery.crash_lookup import METADATA
from bot.render.blocks import fallback_text
from bot.render.message_blocks import message_blocks
from storage.outbox import Claimed


async def post_notice(client: AsyncWebClient, row: Claimed) -> tuple[str, str]:
    """Post the row's message; its ts and the channel Slack put it in."""
    assert row.channel is not None
    buttons = tuple(
        (b["text"], b.get("action_id", ""), b.get("value", ""))
        for b in row.payload.get("buttons", [])
    )
    text = row.payload.get("text", "")
    answer = await client.chat_postMessage(
        channel=row.channel,
        text=fallback_text(text),
        blocks=message_blocks(text, buttons),
        metadata={"event_type": METADATA, "event_payload": {"key": row.key}},
        unfurl_links=False,
    )
    return str(answer.get("ts")), str(answer.get("channel") or row.channel)
