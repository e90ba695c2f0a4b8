"""What a sender that died mid-send left in Slack: the message (found by the key in its
metadata), and the chart in its thread."""

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from storage.outbox import Claimed

METADATA = "billbot_notice"


async def conversation(client: AsyncWebClient, channel: str) -> str:
    """A channel as Slack's history methods want it: a person's id becomes their DM's id."""
    if not channel.startswith(("U", "W")):
        return channel
    opened = await client.conversations_open(users=channel)
    return str((opened.get("channel") or {}).get("id") or channel)


async def find_posted(client: AsyncWebClient, row: Claimed) -> tuple[str | None, str]:
    """The message, if a sender that died had already posted it."""
    assert row.channel is not None
    channel = await conversation(client, row.channel)
    history = await client.conversations_history(
        channel=channel,
        oldest=str(row.created_at.timestamp() - 1),
        include_all_metadata=True,
        limit=200,
    )
    for message in history.get("messages") or []:
        meta = message.get("metadata") or {}
        if (
            meta.get("event_type") == METADATA
            and (meta.get("event_payload") or {}).get("key") == row.key
        ):
            return str(message.get("ts")), channel
    return None, row.channel


async def has_chart(client: AsyncWebClient, channel: str, ts: str) -> bool:
    """A sender that died after uploading the chart left it in the message's thread."""
    try:
        channel = await conversation(client, channel)
        thread = await client.conversations_replies(channel=channel, ts=ts, limit=20)
    except SlackApiError:
        return False  # cannot tell: better a second chart than none
    return any(m.get("files") for m in thread.get("messages") or [] if m.get("ts") != ts)
