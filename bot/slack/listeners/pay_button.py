"""An "Update card" button: answered to the clicker alone, with what their role lets them
see; in a message ephemerally, on the Home tab in a small modal."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.answer import answer
from bot.notice_buttons import pay_request
from bot.render.buttons import PAY
from bot.slack.door import Door
from bot.slack.listeners.replies import answer_click, open_waiting, say
from bot.slack.views.text_modal import text_modal


def register(app: App, door: Door) -> None:
    @app.action(PAY)
    def on_pay_button(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        on_home = respond is None or body.get("container", {}).get("type") == "view"
        waiting = open_waiting(client, body["trigger_id"], "Payment") if on_home else None
        if on_home and waiting is None:
            return
        answer_click(door, answer_pay_button, body, client, context, respond, waiting=waiting)


def answer_pay_button(
    door: Door,
    body: dict,
    client: WebClient,
    context: BoltContext,
    respond: Respond | None,
    waiting: dict | None,
) -> None:
    actor = door.clicker(client, context, body)
    text = answer(
        pay_request(body["actions"][0].get("value", ""), door.uow, actor),
        uow=door.uow,
        actor=actor,
        now=door.clock(),
        terms=door.terms,
    ).text
    if waiting is not None:  # the Home tab: its modal
        client.views_update(view_id=waiting["id"], view=text_modal("Payment", text))
        return
    assert respond is not None
    say(respond, text, response_type="ephemeral", replace_original=False)
