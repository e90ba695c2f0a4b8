"""What a person's App Home shows: their companies with roles, and invitations waiting for them."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, or_, select

from commands.actor import Actor
from commands.views import WhoAmIView
from commands.whoami import who_am_i
from storage.tables import Company, Invitation, Person
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PendingInvitation:
    company: str
    role: str
    inviter: str
    expires_at: datetime


@dataclass(frozen=True)
class HomeView:
    who: WhoAmIView
    invitations: list[PendingInvitation]


def home_for(uow: UnitOfWork, *, actor: Actor, now: datetime) -> HomeView:
    who = who_am_i(uow, actor=actor)
    with uow:
        me = uow.session.get(Person, actor.person_id)
        email = me.email if me else None
        mine = Invitation.invitee_person_id == actor.person_id
        rows = uow.session.exec(
            select(Invitation, Person.name, Company.name)
            .join(Person, col(Person.id) == Invitation.inviter_id)
            .join(Company, col(Company.id) == Invitation.company_id, isouter=True)
            .where(
                Invitation.workspace_id == actor.workspace_id,
                Invitation.status == "pending",
                col(Invitation.expires_at) > now,
                or_(mine, Invitation.invitee_email == email) if email else mine,
            )
            .order_by(col(Invitation.expires_at))
        ).all()
    invitations = [
        PendingInvitation(
            company or invitation.company_name or "a new company",
            invitation.role or "owner",
            inviter,
            invitation.expires_at,
        )
        for invitation, inviter, company in rows
    ]
    return HomeView(who, invitations)
