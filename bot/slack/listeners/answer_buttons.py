"""Invitation (Accept, Decline) and transfer (Approve, Decline) buttons: the answer replaces
the buttons in the message, or shows on top of the Home tab."""

from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.render.buttons import ACCEPT_INVITATION as ACCEPT
from bot.render.buttons import APPROVE_TRANSFER as APPROVE
from bot.render.buttons import DECLINE_INVITATION as DECLINE
from bot.render.buttons import DECLINE_TRANSFER as REFUSE
from bot.render.text import render
from bot.slack.door import Door
from bot.slack.listeners.button_values import clicked_id
from bot.slack.listeners.home import publish_home
from bot.slack.listeners.replies import answer_click, say_to_clicker
from bot.slack.refusals import outcome
from commands.accept_invitation import accept_by_id
from commands.actor import Actor
from commands.decide_transfer import decide_transfer
from commands.decline_invitation import decline_invitation

Decide = Callable[[Door, Actor, int], object]  # the use case, given the clicked record's id

DECISIONS: dict[str, Decide] = {
    ACCEPT: lambda door, a, key: accept_by_id(
        door.uow, invitation_id=key, acceptor=a, now=door.clock()
    ),
    DECLINE: lambda door, a, key: decline_invitation(
        door.uow, actor=a, invitation_id=key, now=door.clock()
    ),
    APPROVE: lambda door, a, key: decide_transfer(
        door.uow, actor=a, request_id=key, approve=True, now=door.clock()
    ),
    REFUSE: lambda door, a, key: decide_transfer(
        door.uow, actor=a, request_id=key, approve=False, now=door.clock()
    ),
}


def register(app: App, door: Door) -> None:
    for action_id, decide in DECISIONS.items():
        app.action(action_id)(_clicked(door, decide))


def _clicked(door: Door, decide: Decide) -> Callable[..., None]:
    # a closure, not a default argument: Bolt fills every parameter it does not know with None
    def on_click(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        answer_click(door, answer_button, body, client, context, respond, decide=decide)

    return on_click


def answer_button(
    door: Door,
    body: dict,
    client: WebClient,
    context: BoltContext,
    respond: Respond,
    decide: Decide,
) -> None:
    actor = door.clicker(client, context, body)
    text = outcome(lambda: render(decide(door, actor, clicked_id(body)), actor.audience), str)
    if body.get("container", {}).get("type") == "view":  # the Home tab: shown on top of it
        publish_home(door, client, context.team_id or "", body["user"]["id"], notice=text)
    else:
        say_to_clicker(client, body, respond, text, replace_original=True)
    door.sender.deliver((), client)
