"""`/billing <words>`: parsed and answered by bot.answer, replied to the person alone."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.answer import Reply, answer
from bot.slack.door import Door
from bot.slack.listeners.replies import dm_channel, ephemeral, say
from bot.slack.views.forms import invite_client_modal
from bot.slack.worker import once_per_trigger


def register(app: App, door: Door) -> None:
    @app.command("/billing")
    def billing(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        door.worker.later(
            run_billing,
            sorry=ephemeral(context.respond),
            once=once_per_trigger(body),
            door=door,
            body=body,
            client=client,
            team_id=context.team_id or "",
            respond=context.respond,
        )


def run_billing(door: Door, body: dict, client: WebClient, team_id: str, respond: Respond) -> None:
    text = body.get("text", "").strip().lower()
    if text == "invite-client" and body.get("trigger_id"):  # nothing given: ask in a form
        client.views_open(trigger_id=body["trigger_id"], view=invite_client_modal())
        return
    actor = door.actors.actor(client, team_id, body["user_id"], body.get("user_name", ""))
    reply = answer(
        body.get("text", ""),
        uow=door.uow,
        actor=actor,
        now=door.clock(),
        terms=door.terms,
        channel_id=body.get("channel_id"),
    )
    _upload(client, body, reply)
    say(respond, reply.text, response_type="ephemeral")
    door.sender.deliver(reply.directs, client)


def _upload(client: WebClient, body: dict, reply: Reply) -> None:
    """An export's file, shared in the channel the command came from; a private one (a
    statement's PDF) in the person's DM with billbot."""
    if reply.file_name and reply.file_content is not None:
        channel = body["channel_id"]
        if reply.private:
            channel = dm_channel(client, body["user_id"])
        client.files_upload_v2(
            channel=channel,
            filename=reply.file_name,
            title=reply.file_name,
            content=reply.file_content,
        )
