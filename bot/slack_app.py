"""The Bolt app: `/billing`, events, App Home and its buttons, each a thin door to a use case."""

import logging
import smtplib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import InterfaceError, OperationalError

from billing.errors import DomainError, Invalid
from billing.names import check_email
from billing.periods import Month
from billing.refs import PersonRef, record_id
from bot.answer import answer, invitation_messages
from bot.ask import answer_question
from bot.delivery.direct import Direct, send
from bot.delivery.mailer import mailer_for
from bot.grammar import help_text
from bot.home import (
    INVITE_CLIENT,
    NEW_COMPANY,
    OPEN_INVITE_CLIENT,
    SHOW_HELP,
    home_view,
    invite_client_modal,
    new_company_modal,
    text_modal,
)
from bot.notice_buttons import pay_request
from bot.render.blocks import fallback_text, reply_blocks
from bot.render.message_blocks import message_blocks
from bot.render_text import render
from bot.settings import Settings
from bot.slack_people import TTL_SECONDS, People
from bot.statement_modal import EARLIER, LATER, modal_channel, statement_modal
from bot.terms import Terms
from commands.accept_invitation import accept_by_id
from commands.actor import Actor, identify
from commands.companies import create_company
from commands.home import home_for
from commands.invitation_answers import decline_invitation
from commands.invitations import ACCEPT, DECLINE, invite_client
from commands.notice_texts import PAY, VIEW_STATEMENT
from commands.questions import statement_page
from commands.transfers import APPROVE, decide_transfer
from commands.transfers import DECLINE as REFUSE
from storage.seen_events import first_time
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.slack")
UNAVAILABLE = (
    "billbot can't reach its records right now, so nothing was read or changed. "
    "Please try again in a minute."
)
BUSY = (
    "billbot has more to do right now than it can take on, so it did not act on that. "
    "Please try again in a minute."
)
MAX_ACTORS = 10_000  # people remembered at once (forgotten all together past it)
MAX_BACKLOG = 5_000  # pieces of work waiting for a worker (~10 KB each); past it, "try again"
OUT_OF_DATE = "That button is out of date: ask again."
WORKERS = 4  # threads for work after acks (replies, greetings, Home tabs); see bench/ack.py


class Door:
    """What every listener needs: the database, the clock, and who is asking."""

    def __init__(
        self,
        settings: Settings,
        uow: UnitOfWork,
        clock: Callable[[], datetime],
        wake: Callable[[], None] | None = None,
    ):
        self.settings = settings
        self.wake = wake or (lambda: None)
        self.uow = uow
        self.clock = clock
        self.people = People()
        self.terms = Terms.of(settings)
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="billbot-work")
        self.apologies = ThreadPoolExecutor(max_workers=1, thread_name_prefix="billbot-sorry")
        self.max_backlog = MAX_BACKLOG
        self.backlog = 0  # work handed to the pool and not finished
        self._counting = threading.Lock()
        self.mailer = mailer_for(settings)
        self._actors: dict[tuple, tuple[float, Actor]] = {}

    def deliver(self, directs: tuple[Direct, ...], client: WebClient, workspace_id: int) -> None:
        """An invitation's own message now; the outbox's messages through the delivery loop."""
        for direct in directs:
            try:
                send(direct, client, self.mailer)
            except (SlackApiError, smtplib.SMTPException, OSError) as error:
                log.warning("an invitation message did not go out: %s", error)
        self.wake()

    def later(
        self,
        work: Callable[..., None],
        /,
        sorry: Callable[[str], object] | None = None,
        once: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Work after the ack, off the request path; a failure is logged, never lost silently,
        and when the database is out of reach the person is told so by `sorry`. `once`: a
        Slack event id or trigger id; Slack re-sends events it thinks were missed
        (X-Slack-Retry-Num), a replay re-sends anything, and each id is acted on once.
        (Bolt's lazy listeners deep-copy every request: too slow.)"""
        with self._counting:
            full = self.backlog >= self.max_backlog
            if not full:
                self.backlog += 1
        if full:  # overloaded: memory stays bounded, and whoever asked hears so at once
            log.warning("too busy: %s not taken on", getattr(work, "__name__", "work"))
            if sorry is not None:
                self.apologies.submit(_say, sorry, BUSY)
            return
        self.pool.submit(self._run, work, sorry, once, kwargs).add_done_callback(self._finished)

    def _finished(self, future: Future[None]) -> None:
        with self._counting:
            self.backlog -= 1
        _log_failure(future)

    def _run(
        self,
        work: Callable[..., None],
        sorry: Callable[[str], object] | None,
        once: str | None,
        kwargs: dict[str, Any],
    ) -> None:
        try:
            if once and not first_time(self.uow, source="slack", event_id=once, now=self.clock()):
                log.info("dropped a repeated Slack event %s", once)
                return
            work(**kwargs)
        except (OperationalError, InterfaceError) as error:  # the connection failed: nothing
            # was changed (the unit of work rolled back); the person hears so, not silence
            log.warning("the database is out of reach: %s", type(error.orig).__name__)
            if sorry is not None:
                _say(sorry, UNAVAILABLE)

    def actor(self, client: WebClient, team_id: str, user_id: str, fallback: str) -> Actor:
        """Who is asking; remembered as long as Slack's answer about them (`People`), so a
        busy person's every click is not a write to the database."""
        person = self.people.lookup(client, team_id, user_id, fallback)
        key = (team_id, user_id, person.name, person.account_type, person.email)
        known = self._actors.get(key)
        if known is not None and known[0] > time.monotonic():
            return known[1]
        if len(self._actors) > MAX_ACTORS:
            self._actors.clear()
        actor = identify(
            self.uow,
            team_id=team_id,
            user_id=user_id,
            name=person.name,
            account_type=person.account_type,
            email=person.email,
            now=self.clock(),
            operators=self.settings.operators,
        )
        self._actors[key] = (time.monotonic() + TTL_SECONDS, actor)
        return actor


def register(app: App, door: Door) -> None:

    @app.command("/billing")
    def billing(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        door.later(
            run_billing,
            sorry=_ephemeral(context.respond),
            once=_trigger(body),
            body=body,
            client=client,
            team_id=context.team_id or "",
            respond=context.respond,
        )

    def run_billing(body: dict, client: WebClient, team_id: str, respond: Respond) -> None:
        if body.get("text", "").strip().lower() == "invite-client":  # nothing given: ask in a form
            client.views_open(trigger_id=body["trigger_id"], view=invite_client_modal())
            return
        actor = door.actor(client, team_id, body["user_id"], body.get("user_name", ""))
        reply = answer(
            body.get("text", ""),
            uow=door.uow,
            actor=actor,
            now=door.clock(),
            terms=door.terms,
            channel_id=body.get("channel_id"),
        )
        if reply.file_name and reply.file_content is not None:
            client.files_upload_v2(
                channel=body["channel_id"],
                filename=reply.file_name,
                title=reply.file_name,
                content=reply.file_content,
            )
        respond(
            text=fallback_text(reply.text),
            blocks=reply_blocks(reply.text),
            response_type="ephemeral",
        )
        door.deliver(reply.directs, client, actor.workspace_id)

    def answer_button(
        body: dict,
        client: WebClient,
        context: BoltContext,
        respond: Respond,
        decide: Callable[[Actor, int], object],
    ) -> None:
        """Invitation and transfer buttons: the answer replaces the buttons in the message."""
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        try:
            key = record_id(body["actions"][0].get("value"))
            if key is None:
                raise Invalid(OUT_OF_DATE)
            text = render(decide(actor, key), actor.audience)
        except DomainError as error:
            text = error.message
        if body.get("container", {}).get("type") == "view":  # the Home tab: shown on top of it
            _publish_home(door, client, context.team_id or "", body["user"]["id"], notice=text)
        else:
            respond(text=fallback_text(text), blocks=reply_blocks(text), replace_original=True)
        door.deliver((), client, actor.workspace_id)

    buttons: dict[str, Callable[[Actor, int], object]] = {
        ACCEPT: lambda a, key: accept_by_id(
            door.uow, invitation_id=key, acceptor=a, now=door.clock()
        ),
        DECLINE: lambda a, key: decline_invitation(
            door.uow, actor=a, invitation_id=key, now=door.clock()
        ),
        APPROVE: lambda a, key: decide_transfer(
            door.uow, actor=a, request_id=key, approve=True, now=door.clock()
        ),
        REFUSE: lambda a, key: decide_transfer(
            door.uow, actor=a, request_id=key, approve=False, now=door.clock()
        ),
    }

    def clicked(decide: Callable[[Actor, int], object]) -> Callable[..., None]:
        # a closure, not a default argument: Bolt fills every parameter it does not know with None
        def on_click(
            ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
        ) -> None:
            ack()
            door.later(
                answer_button,
                sorry=_ephemeral(respond),
                once=_trigger(body),
                body=body,
                client=client,
                context=context,
                respond=respond,
                decide=decide,
            )

        return on_click

    for action_id, decide in buttons.items():
        app.action(action_id)(clicked(decide))

    def answer_pay_button(
        body: dict,
        client: WebClient,
        context: BoltContext,
        respond: Respond | None,
        waiting: dict | None,
    ) -> None:
        """An "Update card" button: answered to the clicker alone, with what their role lets
        them see; in a message ephemerally, on the Home tab in a small modal."""
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        action = body["actions"][0]
        text = answer(
            pay_request(action.get("value", ""), door.uow, actor),
            uow=door.uow,
            actor=actor,
            now=door.clock(),
            terms=door.terms,
        ).text
        if waiting is not None:  # the Home tab: its modal
            client.views_update(view_id=waiting["id"], view=text_modal("Payment", text))
            return
        assert respond is not None
        respond(
            text=fallback_text(text),
            blocks=reply_blocks(text),
            response_type="ephemeral",
            replace_original=False,
        )

    @app.action(PAY)
    def on_pay_button(
        ack: Ack, body: dict, client: WebClient, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        on_home = respond is None or body.get("container", {}).get("type") == "view"
        waiting = _open_waiting(client, body["trigger_id"], "Payment") if on_home else None
        if on_home and waiting is None:
            return
        door.later(
            answer_pay_button,
            sorry=_ephemeral(respond),
            once=_trigger(body),
            body=body,
            client=client,
            context=context,
            respond=respond,
            waiting=waiting,
        )

    def show_statement(body: dict, client: WebClient, context: BoltContext, view: dict) -> None:
        """ "View statement" (a notice, an answer, the Home tab) shows the month in a modal;
        its ◀ ▶ buttons page through months in place."""
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        action = body["actions"][0]
        paging = action["action_id"] in (EARLIER, LATER)
        channel = modal_channel(view) if paging else (body.get("channel") or {}).get("id")
        try:
            company_id, month = _statement_value(action.get("value", ""))
            page = statement_page(
                door.uow,
                actor,
                company_id,
                month,
                channel_id=channel,
                now=door.clock(),
                calendar=door.terms.calendar,
            )
            shown = statement_modal(page, actor.audience, channel)
        except DomainError as error:
            shown = text_modal("Statement", error.message)
        client.views_update(view_id=view["id"], view=shown)

    def on_statement_button(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        view = body.get("view") if body["actions"][0]["action_id"] in (EARLIER, LATER) else None
        view = view or _open_waiting(client, body["trigger_id"], "Statement")
        if view is None:
            return
        door.later(
            show_statement,
            sorry=lambda text: client.views_update(
                view_id=view["id"], view=text_modal("Statement", text)
            ),
            body=body,
            client=client,
            context=context,
            view=view,
        )

    for action_id in (VIEW_STATEMENT, EARLIER, LATER):
        app.action(action_id)(on_statement_button)

    def reply_to_question(event: dict, client: WebClient, team_id: str) -> None:
        if event.get("bot_id") or event.get("subtype") or not event.get("user"):
            return
        actor = door.actor(client, team_id, event["user"], "")
        got = answer_question(
            event.get("text") or "",
            uow=door.uow,
            actor=actor,
            channel_id=event["channel"],
            direct=event.get("channel_type") == "im",
            now=door.clock(),
            terms=door.terms,
        )
        text, thread = got.said.text, event.get("thread_ts") or event.get("ts")
        blocks = message_blocks(text, got.said.buttons)
        if got.private:
            client.chat_postEphemeral(
                channel=event["channel"],
                user=event["user"],
                thread_ts=thread,
                text=fallback_text(text),
                blocks=blocks,
            )
        else:
            client.chat_postMessage(
                channel=event["channel"], thread_ts=thread, text=fallback_text(text), blocks=blocks
            )

    def on_question(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        if not (event.get("channel") and event.get("user")):  # nowhere or no one to answer
            return

        def sorry(text: str) -> None:
            client.chat_postEphemeral(
                channel=event["channel"],
                user=event["user"],
                thread_ts=event.get("thread_ts") or event.get("ts"),
                text=text,
            )

        door.later(
            reply_to_question,
            sorry=sorry,
            once=body.get("event_id"),
            event=event,
            client=client,
            team_id=context.team_id or "",
        )

    @app.event("app_mention")
    def mentioned(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        on_question(event, body, client, context)

    @app.event("message")
    def direct_message(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("channel_type") == "im":
            on_question(event, body, client, context)

    @app.event("app_home_opened")
    def home_opened(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        if not event.get("user"):  # Slack always names who opened it; nothing to show otherwise
            return
        door.later(
            _publish_home,
            once=body.get("event_id"),
            door=door,
            client=client,
            team_id=context.team_id or "",
            actor_user=event["user"],
        )

    @app.action(OPEN_INVITE_CLIENT)
    def open_invite_form(ack: Ack, body: dict, client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=invite_client_modal())

    @app.action(NEW_COMPANY)
    def open_company_form(ack: Ack, body: dict, client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=new_company_modal())

    @app.action(SHOW_HELP)
    def open_help(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        view = text_modal("Billing help", help_text(None, actor.audience))
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.view(INVITE_CLIENT)
    def submit_invitation(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        values = _form_values(body["view"]["state"]["values"])
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        apps = [name.strip() for name in (values.get("apps") or "").split(",") if name.strip()]
        try:
            sent = invite_client(
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
        except DomainError as error:
            ack(response_action="errors", errors={"apps": error.message})
            return
        ack()
        door.later(
            door.deliver,
            directs=(
                Direct(render(sent, actor.audience), user_id=body["user"]["id"]),
                *invitation_messages(sent),
            ),
            client=client,
            workspace_id=actor.workspace_id,
        )

    @app.view(NEW_COMPANY)
    def submit_company(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        values = _form_values(body["view"]["state"]["values"])
        actor = door.actor(client, context.team_id or "", body["user"]["id"], "")
        try:
            create_company(
                door.uow,
                actor=actor,
                name=values.get("name") or "",
                email=values.get("email"),
                currency=values.get("currency"),
                now=door.clock(),
                billing_mode=door.terms.billing_mode,
            )
        except DomainError as error:
            ack(response_action="errors", errors={"name": error.message})
            return
        ack()
        _publish_home(door, client, context.team_id or "", actor_user=body["user"]["id"])


def _invitee_of(values: dict[str, str | None]) -> PersonRef:
    if values.get("user"):
        return PersonRef(user_id=values["user"])
    if values.get("email"):
        return PersonRef(email=check_email(values["email"] or ""))
    raise Invalid("Pick the client in Slack, or give their e-mail address.")


def _publish_home(
    door: Door, client: WebClient, team_id: str, actor_user: str, notice: str | None = None
) -> None:
    actor = door.actor(client, team_id, actor_user, "")
    home = home_for(door.uow, actor=actor, now=door.clock(), calendar=door.terms.calendar)
    client.views_publish(user_id=actor_user, view=home_view(home, actor.audience, notice))


def _statement_value(value: str) -> tuple[int, Month | None]:
    """A statement button's value, "<company id>:<YYYY-MM>"; the month may be left out."""
    company, _, month = value.partition(":")
    company_id = record_id(company)
    if company_id is None:
        raise Invalid(OUT_OF_DATE)
    return company_id, Month.parse(month) if month else None


def _form_values(state: dict[str, Any]) -> dict[str, str | None]:
    """Typed text, or the chosen user of a user picker, per input block."""
    values = {}
    for block, fields in state.items():
        field = fields.get("value") or {}
        value = field.get("value") or field.get("selected_user")
        values[block] = value if isinstance(value, str) else None
    return values


def _open_waiting(client: WebClient, trigger_id: str, title: str) -> dict | None:
    """A modal opened at once, while the click's trigger id is fresh (Slack allows 3 s); the
    answer replaces it when the work is done. None: Slack refused (logged)."""
    try:
        opened = client.views_open(trigger_id=trigger_id, view=text_modal(title, "One moment…"))
    except SlackApiError as error:
        log.warning("a modal did not open: %s", error.response.get("error"))
        return None
    view = opened.get("view")
    return view if isinstance(view, dict) else None


def _trigger(body: dict) -> str:
    """What makes a command or a click one of a kind: Slack gives each its own trigger id, so
    the same signed request sent again (a replay) is acted on once."""
    return f"trigger:{body['trigger_id']}"


def _ephemeral(respond: Respond | None) -> Callable[[str], object] | None:
    if respond is None:  # the Home tab has no response URL
        return None
    return lambda text: respond(text=text, response_type="ephemeral", replace_original=False)


def _say(sorry: Callable[[str], object], text: str) -> None:
    """Tell the person why nothing happened; if even that fails, the log says so."""
    try:
        sorry(text)
    except (SlackApiError, OSError, ValueError) as error:  # ValueError: no response_url
        log.warning("could not tell someone %r: %s", text[:40], error)


def _log_failure(future: Future[None]) -> None:
    error = future.exception()
    if error is not None:
        log.error("work after an ack failed", exc_info=error)
