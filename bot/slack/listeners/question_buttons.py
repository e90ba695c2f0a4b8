"""The buttons of a question asked back ("The next charge, or what is overdue?"): the one
clicked is answered in the same thread, as if the question had been that one."""

import re

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.ask import answer_question
from bot.questions.reader import INTENTS
from bot.render.buttons import PICK_INTENT
from bot.slack.door import Door
from bot.slack.listeners.button_values import OUT_OF_DATE
from bot.slack.listeners.mentions import post_answer
from bot.slack.listeners.replies import answer_click, say
from commands.questions.threads import thread_subject


def register(app: App, door: Door) -> None:
    @app.action(re.compile(rf"^{PICK_INTENT}_\d$"))
    def on_pick(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        answer_click(door, answer_pick, body, client, context, respond)


def answer_pick(
    door: Door, body: dict, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    actor = door.clicker(client, context, body)
    intent, _, thread_ts = str(body["actions"][0].get("value", "")).partition(":")
    channel = (body.get("channel") or {}).get("id") or body.get("container", {}).get("channel_id")
    subject = thread_subject(door.uow, actor, channel, thread_ts) if channel else None
    if intent not in INTENTS or subject is None:
        say(respond, OUT_OF_DATE, response_type="ephemeral", replace_original=False)
        return
    got = answer_question(
        subject.asked,
        uow=door.uow,
        actor=actor,
        channel_id=channel,
        direct=channel.startswith("D"),
        now=door.clock(),
        terms=door.terms,
        thread_ts=thread_ts,
        picked=intent,
    )
    post_answer(client, got, channel, body["user"]["id"], thread_ts)
