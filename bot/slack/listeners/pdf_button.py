""" "Download PDF" (the statement_ready notice, the statement modal): the statement's document
uploaded to the clicker's DM with billbot, with a link that works for a week; the clicker must
be able to read the company (a role, or the channel the notice is in is linked to it)."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from billing.errors import Invalid
from bot.answer import pdf_reply, settled
from bot.render.buttons import STATEMENT_PDF
from bot.slack.door import Door
from bot.slack.listeners.button_values import OUT_OF_DATE, statement_value
from bot.slack.listeners.replies import answer_click, dm_channel
from bot.slack.views.statement_modal import modal_channel
from commands.actor import Actor
from commands.questions.statement_page import readable_document
from commands.statement_document import StatementDocument


def register(app: App, door: Door) -> None:
    @app.action(STATEMENT_PDF)
    def on_pdf_button(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        answer_click(door, send_pdf, body, client, context, respond)


def send_pdf(
    door: Door, body: dict, client: WebClient, context: BoltContext, respond: Respond | None
) -> None:
    actor = door.clicker(client, context, body)
    view = body.get("view")
    channel = modal_channel(view) if view else (body.get("channel") or {}).get("id")
    found = settled(lambda: _document(door, actor, body, channel), "statement")
    dm = dm_channel(client, body["user"]["id"])
    if isinstance(found, str):
        client.chat_postMessage(channel=dm, text=found)
        return
    reply = pdf_reply(found, door.terms, door.clock())
    client.files_upload_v2(
        channel=dm,
        filename=reply.file_name,
        title=reply.file_name,
        content=reply.file_content,
        initial_comment=reply.text.split("\n", 1)[-1] if "\n" in reply.text else None,
    )


def _document(door: Door, actor: Actor, body: dict, channel: str | None) -> StatementDocument:
    company_id, month = statement_value(body["actions"][0].get("value", ""))
    if month is None:
        raise Invalid(OUT_OF_DATE)
    return readable_document(
        door.uow, actor=actor, company_id=company_id, month=month, channel_id=channel
    )
