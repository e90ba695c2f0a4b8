"""@billbot in a channel, and direct messages: questions in plain words, answered in thread."""

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.ask import Answer, answer_question
from bot.render.blocks import fallback_text
from bot.render.message_blocks import message_blocks
from bot.slack.door import Door, event_team


def register(app: App, door: Door) -> None:
    @app.event("app_mention")
    def mentioned(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        _take_question(door, event, body, client, context)

    @app.event("message")
    def direct_message(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("channel_type") == "im":
            _take_question(door, event, body, client, context)


def _take_question(
    door: Door, event: dict, body: dict, client: WebClient, context: BoltContext
) -> None:
    team_id = event_team(context, event)
    if not (event.get("channel") and event.get("user")) or team_id is None:
        return  # nowhere or no one to answer (a bot's message, an edit, a deletion)

    def sorry(text: str) -> None:
        client.chat_postEphemeral(
            channel=event["channel"],
            user=event["user"],
            thread_ts=event.get("thread_ts") or event.get("ts"),
            text=text,
        )

    door.worker.later(
        reply_to_question,
        sorry=sorry,
        once=body.get("event_id"),
        door=door,
        event=event,
        client=client,
        team_id=team_id,
    )


def reply_to_question(door: Door, event: dict, client: WebClient, team_id: str) -> None:
    if event.get("bot_id") or event.get("subtype") or not event.get("user"):
        return
    actor = door.actors.actor(client, team_id, event["user"])
    thread_ts = str(event.get("thread_ts") or event.get("ts") or "") or None
    got = answer_question(
        event.get("text") or "",
        uow=door.uow,
        actor=actor,
        channel_id=event["channel"],
        direct=event.get("channel_type") == "im",
        now=door.clock(),
        terms=door.terms,
        thread_ts=thread_ts,
    )
    post_answer(client, got, event["channel"], event["user"], thread_ts)


def post_answer(
    client: WebClient, got: Answer, channel: str, user: str, thread_ts: str | None
) -> None:
    """In the thread: for everyone there, or for the asker alone when `got` is private."""
    text = got.said.text
    reply: dict[str, Any] = {
        "channel": channel,
        "thread_ts": thread_ts,
        "text": fallback_text(text),
        "blocks": message_blocks(text, got.said.buttons),
    }
    if got.private:
        client.chat_postEphemeral(user=user, **reply)
    else:
        client.chat_postMessage(**reply)
