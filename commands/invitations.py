"""Invitations: a client asked to take over apps in a company of their own, or a person asked
into an existing company with a role. Tokens are stored hashed; every state change is a
compare-and-set on the row, so twenty clicks on one link make one company."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from billing.errors import AlreadyExists, Invalid, NotAllowed
from billing.invitations import (
    InvitationUnusable,
    Lifetime,
    expiry,
    new_token,
    reminder_at,
    same_hash,
    token_hash,
)
from billing.names import name_key
from billing.refs import PersonRef
from billing.roles import check_role, require_can_assign
from commands.actor import Actor
from commands.resolve import person_referred, plan_named, visible_app, visible_company
from storage import lookups
from storage.audit import record_event
from storage.notices import notify
from storage.tables import App, Invitation, Outbox, Person, id_of
from storage.unit_of_work import UnitOfWork

ACCEPT, DECLINE = "invitation_accept", "invitation_decline"  # button action ids


@dataclass(frozen=True)
class InvitationSent:
    """The link exists only here, never in the database: the door hands the message to the
    invitee (Slack DM with Accept/Decline, e-mail) and shows the inviter the link."""

    id: int
    link: str
    invitee: str
    what: str  # "shop, blog in a company of their own" / "admin of Acme"
    expires_at: datetime
    message: str = ""
    to_user_id: str | None = None
    to_email: str | None = None

    @property
    def summary(self) -> str:
        return (
            f"Invitation #{self.id} sent to {self.invitee}: {self.what}. It expires "
            f"{self.expires_at:%Y-%m-%d %H:%M} UTC. Link to forward: {self.link}"
        )


def invitee_person(uow: UnitOfWork, actor: Actor, ref: PersonRef, now: datetime) -> Person:
    """Slack users are recorded when mentioned; an e-mail address becomes a client person."""
    if ref.email and not ref.user_id:
        found = lookups.person_by_email(uow.session, actor.workspace_id, ref.email)
        if found is not None:
            return found
        person = Person(
            workspace_id=actor.workspace_id,
            email=ref.email,
            name=ref.email,
            name_key=name_key(ref.email),
            account_type="client",
            created_at=now,
        )
        uow.session.add(person)
        uow.session.flush()
        return person
    return person_referred(uow, actor, ref, now)


def invite_client(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitee: PersonRef,
    apps: list[str],
    now: datetime,
    ttl_hours: int,
    public_url: str,
    company_name: str | None = None,
    plan: str | None = None,
) -> InvitationSent:
    with uow:
        session = uow.session
        if not apps:
            raise Invalid("Name at least one app for the client to take over.")
        rows = [_invitable_app(uow, actor, name) for name in dict.fromkeys(apps)]
        chosen = plan_named(uow, actor, plan) if plan else None
        if chosen is not None:
            for app in rows:
                if chosen.environment != app.environment:
                    raise Invalid(
                        f"Plan {chosen.name} is for {chosen.environment} apps; "
                        f"{app.name} is {app.environment}."
                    )
        _no_pending_for(session, rows)
        person = invitee_person(uow, actor, invitee, now)
        if person.id == actor.person_id:
            raise Invalid("You can't invite yourself: invite the client.")
        token = new_token()
        invitation = Invitation(
            workspace_id=actor.workspace_id,
            kind="client",
            token_hash=token_hash(token),
            inviter_id=actor.person_id,
            invitee_person_id=person.id,
            invitee_email=person.email,
            company_name=company_name,
            plan_id=chosen.id if chosen else None,
            app_ids=[id_of(a) for a in rows],
            created_at=now,
            expires_at=expiry(now, ttl_hours),
        )
        session.add(invitation)
        session.flush()
        names = ", ".join(a.name for a in rows)
        priced = f" on plan {chosen.name}" if chosen else ""
        link = f"{public_url.rstrip('/')}/invites/{token}"
        schedule_reminder(session, invitation, now)
        message = (
            f"{actor.name} invites you to take over {names}{priced} in a company of "
            f"your own. Complete billing here: {link}"
        )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            action="invitation.client_sent",
            now=now,
            invitation=invitation.id,
            apps=names,
            invitee=person.name,
        )
        uow.commit()
    return InvitationSent(
        id_of(invitation),
        link,
        person.name,
        f"{names}{priced} in a company of their own",
        invitation.expires_at,
        message,
        person.slack_user_id,
        person.email,
    )


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


def _no_pending_for(session: Session, apps: list[App]) -> None:
    pending = (
        session.exec(
            select(Invitation).where(
                Invitation.workspace_id == apps[0].workspace_id,
                Invitation.kind == "client",
                Invitation.status == "pending",
            )
        ).all()
        if apps
        else []
    )
    for invitation in pending:
        for app in apps:
            if app.id in invitation.app_ids:
                raise AlreadyExists(
                    f"{app.name} already has a pending invitation "
                    f"(#{invitation.id}): resend or withdraw it first."
                )


def schedule_reminder(session: Session, invitation: Invitation, now: datetime) -> None:
    """invite_expiring, due 24 h before the end (a renewed invitation replaces it)."""
    drop_reminders(session, invitation)
    notify(
        session,
        workspace_id=invitation.workspace_id,
        key=f"invite_expiring:{invitation.id}:{invitation.token_hash[:16]}",
        people=[invitation.inviter_id],
        text=f"Your invitation #{invitation.id} expires in 24 hours and is not accepted yet. "
        f"`/billing resend-invite {invitation.id}` sends a fresh link.",
        now=now,
        due=reminder_at(invitation.expires_at),
    )


def drop_reminders(session: Session, invitation: Invitation) -> None:
    """A decided or renewed invitation needs no reminder any more."""
    for row in session.exec(
        select(Outbox).where(
            col(Outbox.key).startswith(f"invite_expiring:{invitation.id}:"),
            Outbox.status == "pending",
        )
    ):
        session.delete(row)


def invite_to_company(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitee: PersonRef,
    company: str,
    role: str,
    now: datetime,
    ttl_hours: int,
    public_url: str,
) -> InvitationSent:
    role = check_role(role)
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        require_can_assign(seen.role, role, seen.company.name)
        person = invitee_person(uow, actor, invitee, now)
        if person.id == actor.person_id:
            raise Invalid("You can't invite yourself.")
        token = new_token()
        invitation = Invitation(
            workspace_id=actor.workspace_id,
            kind="access",
            token_hash=token_hash(token),
            inviter_id=actor.person_id,
            invitee_person_id=person.id,
            invitee_email=person.email,
            company_id=seen.id,
            role=role,
            created_at=now,
            expires_at=expiry(now, ttl_hours),
        )
        session.add(invitation)
        session.flush()
        link = f"{public_url.rstrip('/')}/invites/{token}"
        schedule_reminder(session, invitation, now)
        message = f"{actor.name} invites you to {seen.company.name} as {role}. {link}"
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="invitation.sent",
            now=now,
            invitation=invitation.id,
            invitee=person.name,
            role=role,
        )
        uow.commit()
    return InvitationSent(
        id_of(invitation),
        link,
        person.name,
        f"{role} of {seen.company.name}",
        invitation.expires_at,
        message,
        person.slack_user_id,
        person.email,
    )


def by_token(session: Session, token: str) -> Invitation:
    """The invitation a link carries; unknown and tampered links answer alike. The row is found
    by the hash's index, then the hashes are compared again in constant time."""
    invitation = session.exec(
        select(Invitation).where(Invitation.token_hash == token_hash(token))
    ).first()
    if invitation is None or not same_hash(invitation.token_hash, token):
        raise InvitationUnusable(
            "This invitation link is not valid: check that it was copied "
            "whole, or ask for a new one.",
            code="invitation_unknown",
        )
    return invitation


def lifetime(invitation: Invitation) -> Lifetime:
    return Lifetime(invitation.status, invitation.expires_at)


def claim(
    session: Session, invitation: Invitation, status: str, by: int | None, now: datetime
) -> None:
    """pending -> status, once: the row itself decides between racing clicks."""
    changed = (
        session.connection()
        .execute(
            update(Invitation)
            .where(col(Invitation.id) == invitation.id, col(Invitation.status) == "pending")
            .values(status=status, decided_at=now, decided_by=by)
        )
        .rowcount
    )
    if changed != 1:
        raise InvitationUnusable("This invitation was already answered.", code="invitation_used")
    invitation.status = status
