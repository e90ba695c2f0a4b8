"""An "Update card" button: answered to the clicker alone, with what their role lets them
see; in a message ephemerally, on the Home tab in a small modal."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from billing.refs import record_id
from bot.answer import settled
from bot.render.buttons import PAY
from bot.render.text import render
from bot.slack.door import Door
from bot.slack.listeners.replies import answer_click, open_waiting, say_to_clicker
from bot.slack.views.text_modal import text_modal
from commands.actor import Actor
from commands.pay_link import PayLink, pay_link_by_id
from commands.resolve import company_unknown


def register(app: App, door: Door) -> None:
    @app.action(PAY)
    def on_pay_button(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        on_home = respond is None or body.get("container", {}).get("type") == "view"
        waiting = open_waiting(client, body.get("trigger_id"), "Payment") if on_home else None
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
    text = pay_reply(door, actor, body["actions"][0].get("value", ""))
    if waiting is not None:  # the Home tab: its modal
        client.views_update(view_id=waiting["id"], view=text_modal("Payment", text))
        return
    say_to_clicker(client, body, respond, text, response_type="ephemeral", replace_original=False)


def pay_reply(door: Door, actor: Actor, value: str) -> str:
    """What `/billing pay` typed with the company's name says: the link, or why not."""
    link = settled(lambda: _pay_link(door, actor, value), "pay")
    return link if isinstance(link, str) else render(link, actor.audience)


def _pay_link(door: Door, actor: Actor, value: str) -> PayLink:
    company_id = record_id(value)
    if company_id is None:  # not an id: answered as an id of no company is
        raise company_unknown("?")
    terms = door.terms
    return pay_link_by_id(
        door.uow, terms.gateway, actor=actor, company_id=company_id, public_url=terms.public_url
    )
