"""Declining, withdrawing, renewing and listing invitations."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, or_, select

from billing.errors import NotFound
from billing.invitations import InvitationUnusable, expiry, new_token, token_hash
from billing.names import slugify
from commands.actor import Actor
from commands.invitations import InvitationSent, claim, drop_reminders, schedule_reminder
from commands.views import Done
from storage.audit import record_event
from storage.notices import notify
from storage.roles import companies_of, role_of
from storage.tables import App, Company, Invitation, Person, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PendingLine:
    id: int
    invitee: str
    what: str
    expires_at: datetime
    expired: bool


@dataclass(frozen=True)
class InviteList:
    lines: list[PendingLine]


def _managed(session: Session, actor: Actor, invitation_id: int) -> Invitation:
    """The inviter, or an owner or admin of the company concerned, manages an invitation."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.workspace_id != actor.workspace_id:
        raise NotFound(f"There is no invitation #{invitation_id} you can manage.")
    if invitation.inviter_id != actor.person_id and not _manages_target(session, actor, invitation):
        raise NotFound(f"There is no invitation #{invitation_id} you can manage.")
    return invitation


def _manages_target(session: Session, actor: Actor, invitation: Invitation) -> bool:
    companies = (
        [invitation.company_id]
        if invitation.company_id
        else [app.company_id for key in invitation.app_ids if (app := session.get(App, key))]
    )
    return any(role_of(session, c, actor.person_id) in ("owner", "admin") for c in companies)


def revoke_invitation(uow: UnitOfWork, *, actor: Actor, invitation_id: int, now: datetime) -> Done:
    with uow:
        invitation = _managed(uow.session, actor, invitation_id)
        if invitation.status != "pending":
            raise InvitationUnusable(f"Invitation #{invitation_id} is already {invitation.status}.")
        claim(uow.session, invitation, "revoked", actor.person_id, now)
        drop_reminders(uow.session, invitation)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            company_id=invitation.company_id,
            action="invitation.revoked",
            now=now,
            invitation=invitation_id,
        )
        uow.commit()
    return Done(f"Invitation #{invitation_id} is withdrawn: its link no longer works.")


def resend_invitation(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitation_id: int,
    now: datetime,
    ttl_hours: int,
    public_url: str,
) -> InvitationSent:
    """A fresh link and a fresh expiry; the old link stops working at once."""
    with uow:
        session = uow.session
        invitation = _managed(session, actor, invitation_id)
        if invitation.status != "pending":
            raise InvitationUnusable(
                f"Invitation #{invitation_id} is {invitation.status}: send a new one instead."
            )
        token = new_token()
        invitation.token_hash = token_hash(token)
        invitation.expires_at = expiry(now, ttl_hours)
        session.flush()
        link = f"{public_url.rstrip('/')}/invites/{token}"
        invitee = session.get(Person, invitation.invitee_person_id)
        assert invitee is not None
        schedule_reminder(session, invitation, now)
        record_event(
            session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            company_id=invitation.company_id,
            action="invitation.resent",
            now=now,
            invitation=invitation_id,
        )
        uow.commit()
    return InvitationSent(
        invitation_id,
        link,
        invitee.name,
        "the same invitation, with a new link",
        invitation.expires_at,
        f"{actor.name} sent your invitation again (the earlier link no longer works). {link}",
        invitee.slack_user_id,
        invitee.email,
    )


def decline_invitation(uow: UnitOfWork, *, actor: Actor, invitation_id: int, now: datetime) -> Done:
    with uow:
        session = uow.session
        invitation = session.get(Invitation, invitation_id)
        if invitation is None or invitation.invitee_person_id != actor.person_id:
            raise NotFound(f"There is no invitation #{invitation_id} for you.")
        claim(session, invitation, "declined", actor.person_id, now)
        inviter = _name(session, invitation)  # read now: the session is closed after commit
        drop_reminders(session, invitation)
        notify(
            session,
            workspace_id=actor.workspace_id,
            key=f"declined:{invitation_id}",
            people=[invitation.inviter_id],
            now=now,
            text=f"{actor.name} declined invitation #{invitation_id}.",
        )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            company_id=invitation.company_id,
            action="invitation.declined",
            now=now,
            invitation=invitation_id,
        )
        uow.commit()
    return Done(f"You declined invitation #{invitation_id}; {inviter} is told.")


def _name(session: Session, invitation: Invitation) -> str:
    inviter = session.get(Person, invitation.inviter_id)
    return inviter.name if inviter else "the inviter"


def list_invitations(
    uow: UnitOfWork, *, actor: Actor, now: datetime, company: str | None = None
) -> InviteList:
    """Pending invitations you sent, or that concern companies you own or administer."""
    with uow:
        session = uow.session
        managed = [
            c for c, r in companies_of(session, actor.person_id).items() if r in ("owner", "admin")
        ]
        rows = session.exec(
            select(Invitation, Person.name)
            .join(Person, col(Person.id) == Invitation.invitee_person_id)
            .where(
                Invitation.workspace_id == actor.workspace_id,
                Invitation.status == "pending",
                or_(
                    Invitation.inviter_id == actor.person_id,
                    col(Invitation.company_id).in_(managed),
                ),
            )
            .order_by(col(Invitation.expires_at))
        ).all()
        lines = []
        for invitation, invitee in rows:
            target = session.get(Company, invitation.company_id) if invitation.company_id else None
            if company is not None and (target is None or target.slug != slugify(company)):
                continue
            apps = [a.name for key in invitation.app_ids if (a := session.get(App, key))]
            what = (
                f"{invitation.role} of {target.name}" if target else f"take over {', '.join(apps)}"
            )
            lines.append(
                PendingLine(
                    id_of(invitation),
                    invitee,
                    what,
                    invitation.expires_at,
                    invitation.expires_at <= now,
                )
            )
        return InviteList(lines)
