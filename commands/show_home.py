"""What a person's App Home shows: their companies with role, next charge, what is open or
overdue, and the invitations waiting for them."""

from dataclasses import dataclass
from datetime import datetime

from billing.closing import Calendar
from billing.roles import ROLES
from commands.actor import Actor
from commands.questions.answers import Unpaid, Upcoming
from commands.questions.unpaid import unpaid_of
from commands.questions.upcoming import upcomings
from storage.pending_invitations import invitations_waiting_for
from storage.roles import companies_in, companies_of
from storage.tables import id_of
from storage.unit_of_work import UnitOfWork

MAX_COMPANIES = 20  # a Home tab holds 100 blocks; the rest are a `/billing companies` away
MAX_INVITATIONS = 10


@dataclass(frozen=True)
class HomeCompany:
    id: int
    name: str
    role: str
    upcoming: Upcoming
    unpaid: list[Unpaid]


@dataclass(frozen=True)
class PendingInvitation:
    id: int
    company: str
    role: str
    inviter: str
    expires_at: datetime


@dataclass(frozen=True)
class HomeView:
    name: str
    is_operator: bool
    companies: list[HomeCompany]
    total: int  # companies held; `companies` has the first MAX_COMPANIES
    invitations: list[PendingInvitation]


def show_home(
    uow: UnitOfWork, *, actor: Actor, now: datetime, calendar: Calendar = Calendar()
) -> HomeView:
    with uow.read():
        session = uow.session
        roles = companies_of(session, actor.person_id)
        held = companies_in(session, actor.workspace_id, roles.keys())
        held.sort(key=lambda c: (ROLES.index(roles[id_of(c)]), c.name.casefold()))
        shown = held[:MAX_COMPANIES]
        coming, owed = upcomings(session, shown, now, calendar), unpaid_of(session, shown, now)
        companies = [
            HomeCompany(id_of(c), c.name, roles[id_of(c)], coming[id_of(c)], owed.get(id_of(c), []))
            for c in shown
        ]
        rows = invitations_waiting_for(
            session,
            workspace_id=actor.workspace_id,
            person_id=actor.person_id,
            now=now,
            limit=MAX_INVITATIONS,
        )
    invitations = [
        PendingInvitation(
            id_of(invitation),
            company or invitation.company_name or "a new company",
            invitation.role or "owner",
            inviter,
            invitation.expires_at,
        )
        for invitation, inviter, company in rows
    ]
    return HomeView(actor.name, actor.is_operator, companies, len(held), invitations)
