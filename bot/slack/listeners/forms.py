"""The forms sent from Slack: invite a client, set up a company. A refusal shows in the form."""

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from billing.errors import Invalid
from billing.names import check_email
from billing.refs import PersonRef
from bot.answer import invitation_messages
from bot.delivery.direct import Direct
from bot.render.text import render
from bot.slack.door import Door
from bot.slack.listeners.home import publish_home
from bot.slack.refusals import outcome
from bot.slack.views.forms import INVITE_CLIENT, NEW_COMPANY
from commands.actor import Actor
from commands.create_company import create_company
from commands.invitation_sent import InvitationSent
from commands.invite_client import invite_client

Values = dict[str, str | None]
UseCase = Callable[[Door, Actor, Values], object]  # what it gives back is never None


def register(app: App, door: Door) -> None:
    app.view(INVITE_CLIENT)(_on_submit(door, _invite, "apps", _send_invitation))
    app.view(NEW_COMPANY)(_on_submit(door, _create, "name", _show_home))


def _on_submit(
    door: Door, use_case: UseCase, block_id: str, then: Callable[..., None]
) -> Callable[..., None]:
    """A form's listener: its use case's refusal shows under `block_id` and the form stays
    open; once done, the form closes and `then` follows."""

    def on_submit(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        values = form_values(body["view"]["state"].get("values", {}))
        actor = door.clicker(client, context, body)
        done = outcome(lambda: use_case(door, actor, values), _in_form(ack, block_id))
        if done is None:
            return
        ack()
        then(door, body, client, context, actor, done)

    return on_submit


def _send_invitation(
    door: Door, body: dict, client: WebClient, _: BoltContext, actor: Actor, sent: InvitationSent
) -> None:
    mine = Direct(render(sent, actor.audience), user_id=body["user"]["id"])
    door.worker.later(
        door.sender.deliver, directs=(mine, *invitation_messages(sent)), client=client
    )


def _show_home(door: Door, body: dict, client: WebClient, context: BoltContext, *_: object) -> None:
    publish_home(door, client, context.team_id or "", actor_user=body["user"]["id"])


def _invite(door: Door, actor: Actor, values: Values) -> InvitationSent:
    apps = [name.strip() for name in (values.get("apps") or "").split(",") if name.strip()]
    return invite_client(
        door.uow,
        actor=actor,
        invitee=_invitee_of(values),
        apps=apps,
        company_name=values.get("company") or None,
        plan=values.get("plan") or None,
        now=door.clock(),
        ttl_hours=door.terms.invite_ttl_hours,
        public_url=door.terms.public_url,
    )


def _create(door: Door, actor: Actor, values: Values) -> object:
    return create_company(
        door.uow,
        actor=actor,
        name=values.get("name") or "",
        email=values.get("email"),
        currency=values.get("currency"),
        now=door.clock(),
        billing_mode=door.terms.billing_mode,
    )


def _in_form(ack: Ack, block_id: str) -> Callable[[str], None]:
    """A refusal, shown under the form's `block_id` input; the form stays open."""

    def refused(message: str) -> None:
        ack(response_action="errors", errors={block_id: message})

    return refused


def _invitee_of(values: Values) -> PersonRef:
    if values.get("user"):
        return PersonRef(user_id=values["user"])
    if values.get("email"):
        return PersonRef(email=check_email(values["email"] or ""))
    raise Invalid("Pick the client in Slack, or give their e-mail address.")


def form_values(state: dict[str, Any]) -> Values:
    """Typed text, or the chosen user of a user picker, per input block."""
    values = {}
    for block, fields in state.items():
        field = fields.get("value") or {}
        value = field.get("value") or field.get("selected_user")
        values[block] = value if isinstance(value, str) else None
    return values
