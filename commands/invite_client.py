"""Inviting a client to take apps over in a company of their own (billing moves with them)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from billing.errors import AlreadyExists, Invalid, NotAllowed
from billing.refs import PersonRef
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.invitation_links import addressed, new_link
from commands.invitation_sent import InvitationSent, sent_to
from commands.resolve import assignable_plan, invitee_person, visible_app
from storage.invitation_queries import pending_client_invitations
from storage.tables import App, Plan, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class InviteClient:
    invitee: PersonRef
    apps: tuple[str, ...]
    company_name: str | None = None
    plan: str | None = None


def invite_client(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitee: PersonRef,
    apps: Sequence[str],
    now: datetime,
    ttl_hours: int,
    public_url: str,
    company_name: str | None = None,
    plan: str | None = None,
) -> InvitationSent:
    with uow:
        if not apps:
            raise Invalid("Name at least one app for the client to take over.")
        rows = [_invitable_app(uow, actor, name) for name in dict.fromkeys(apps)]
        chosen = assignable_plan(uow, actor, plan) if plan else None
        if chosen is not None:
            _require_plan_fits(chosen, rows)
        _require_none_pending(uow, actor, rows)
        person = invitee_person(uow, actor, invitee, now)
        invitation = addressed(
            actor,
            person,
            now,
            kind="client",
            company_name=company_name,
            plan_id=chosen.id if chosen else None,
            app_ids=[id_of(a) for a in rows],
        )
        link = new_link(
            uow.session, invitation, now=now, ttl_hours=ttl_hours, public_url=public_url
        )
        names = tuple(a.name for a in rows)
        commit_change(
            uow,
            actor,
            "invitation.client_sent",
            now=now,
            invitation=invitation.id,
            apps=", ".join(names),
            invitee=person.name,
        )
    plan_name = chosen.name if chosen else None
    return sent_to(person, invitation, link, actor.name, "client", apps=names, plan=plan_name)


def _invitable_app(uow: UnitOfWork, actor: Actor, name: str) -> App:
    """An owner or admin of the app's company may hand it over; any developer a trial app."""
    app, seen = visible_app(uow, actor, name)
    if app.deleted_on is not None:
        raise Invalid(f"{app.name} was deleted on {app.deleted_on.isoformat()}.")
    developer_trial = app.trial and actor.account_type == "developer"
    if seen.role not in ("owner", "admin") and not developer_trial:
        raise NotAllowed(
            f"Only an owner or admin of {seen.company.name} can hand {app.name} "
            "over (or any developer, while it is in trial)."
        )
    return app


def _require_plan_fits(plan: Plan, apps: list[App]) -> None:
    for app in apps:
        if plan.environment != app.environment:
            raise Invalid(
                f"Plan {plan.name} is for {plan.environment} apps; {app.name} is {app.environment}."
            )


def _require_none_pending(uow: UnitOfWork, actor: Actor, apps: list[App]) -> None:
    for invitation in pending_client_invitations(uow.session, actor.workspace_id):
        for app in apps:
            if app.id in invitation.app_ids:
                raise AlreadyExists(
                    f"{app.name} already has a pending invitation "
                    f"(#{invitation.id}): resend or withdraw it first."
                )
