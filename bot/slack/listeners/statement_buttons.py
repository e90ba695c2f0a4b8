""" "View statement" (a notice, an answer, the Home tab) shows the month in a modal; its ◀ ▶
buttons page through months in place."""

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.render.buttons import VIEW_STATEMENT
from bot.slack.door import Door
from bot.slack.listeners.button_values import statement_value
from bot.slack.listeners.replies import open_waiting
from bot.slack.refusals import outcome
from bot.slack.views.statement_modal import EARLIER, LATER, modal_channel, statement_modal
from bot.slack.views.text_modal import text_modal
from commands.actor import Actor
from commands.questions.statement_page import StatementPage, statement_page


def register(app: App, door: Door) -> None:
    def on_statement_button(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        view = body.get("view") if body["actions"][0]["action_id"] in (EARLIER, LATER) else None
        view = view or open_waiting(client, body.get("trigger_id"), "Statement")
        if view is None:
            return
        door.worker.later(
            show_statement,
            sorry=lambda text: client.views_update(
                view_id=view["id"], view=text_modal("Statement", text)
            ),
            door=door,
            body=body,
            client=client,
            context=context,
            view=view,
        )

    for action_id in (VIEW_STATEMENT, EARLIER, LATER):
        app.action(action_id)(on_statement_button)


def show_statement(
    door: Door, body: dict, client: WebClient, context: BoltContext, view: dict
) -> None:
    actor = door.clicker(client, context, body)
    action = body["actions"][0]
    paging = action["action_id"] in (EARLIER, LATER)
    channel = modal_channel(view) if paging else (body.get("channel") or {}).get("id")
    shown = outcome(
        lambda: statement_modal(
            _page(door, actor, action.get("value", ""), channel), actor.audience, channel
        ),
        lambda message: text_modal("Statement", message),
    )
    client.views_update(view_id=view["id"], view=shown)


def _page(door: Door, actor: Actor, value: str, channel: str | None) -> StatementPage:
    company_id, month = statement_value(value)
    return statement_page(
        door.uow,
        actor,
        company_id,
        month,
        channel_id=channel,
        now=door.clock(),
        calendar=door.terms.calendar,
    )
