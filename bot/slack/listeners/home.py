"""The App Home tab: drawn when opened, and its buttons (forms to fill in, help)."""

import logging
from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.answer import answer
from bot.grammar import help_text
from bot.slack.door import Door, event_team
from bot.slack.home_tabs import stamped, unchanged
from bot.slack.views.forms import NEW_COMPANY, invite_client_modal, new_company_modal
from bot.slack.views.home_tab import OPEN_INVITE_CLIENT, SHOW_COMPANIES, SHOW_HELP, home_view
from bot.slack.views.text_modal import text_modal
from commands.show_home import show_home

log = logging.getLogger("billbot.slack")


def register(app: App, door: Door) -> None:
    @app.event("app_home_opened")
    def home_opened(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        team_id = event_team(context, event)
        if not event.get("user") or team_id is None:  # nothing to show to no one
            log.warning("a Home tab was opened with no user or workspace named")
            return
        user = event["user"]
        shown = (event.get("view") or {}).get("private_metadata") or None

        def draw(shown: str | None) -> None:  # a repeated event only draws the tab again
            publish_home(door, client, team_id, user, shown=shown)

        door.homes.opened((team_id, user), shown, draw)

    app.action(OPEN_INVITE_CLIENT)(_opens(invite_client_modal))
    app.action(NEW_COMPANY)(_opens(new_company_modal))

    @app.action(SHOW_COMPANIES)
    def open_companies(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        """The Home tab's "All companies": what `/billing companies` says, in a modal."""
        ack()
        actor = door.clicker(client, context, body)
        reply = answer("companies", uow=door.uow, actor=actor, now=door.clock(), terms=door.terms)
        if body.get("trigger_id"):
            client.views_open(
                trigger_id=body["trigger_id"], view=text_modal("Companies", reply.text)
            )

    @app.action(SHOW_HELP)
    def open_help(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = door.clicker(client, context, body)
        view = text_modal("Billing help", help_text(None, actor.audience))
        if body.get("trigger_id"):  # the Home tab's clicks always carry one
            client.views_open(trigger_id=body["trigger_id"], view=view)


def publish_home(
    door: Door,
    client: WebClient,
    team_id: str,
    actor_user: str,
    notice: str | None = None,
    shown: str | None = None,
) -> None:
    """The Home tab as `actor_user` may see it; `notice`: the outcome of a click on it;
    `shown`: the digest of the view on show (not published again when it is the same)."""
    actor = door.actors.actor(client, team_id, actor_user)
    home = show_home(door.uow, actor=actor, now=door.clock(), calendar=door.terms.calendar)
    view = stamped(home_view(home, actor.audience, notice))
    if not unchanged(view, shown):
        client.views_publish(user_id=actor_user, view=view)


def _opens(form: Callable[[], dict]) -> Callable[..., None]:
    def open_form(ack: Ack, body: dict, client: WebClient) -> None:
        ack()
        if body.get("trigger_id"):  # the Home tab's clicks always carry one
            client.views_open(trigger_id=body["trigger_id"], view=form())

    return open_form
