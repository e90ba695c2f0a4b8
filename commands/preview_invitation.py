"""What an invitation link shows before it is accepted: who invites, to what, for how much."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from billing.money import Money
from commands.pending_invitation import by_token, lifetime
from storage.price_list import price_history, prices_on
from storage.tables import App, Company, Person, Plan
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Preview:
    kind: str  # client | access
    inviter: str
    invitee: str
    invitee_email: str | None
    apps: list[str]
    plan: str | None
    price: Money | None
    company: str | None  # the proposed name (client) or the company joined (access)
    role: str
    expires_at: datetime


def preview_invitation(uow: UnitOfWork, *, token: str, now: datetime) -> Preview:
    """Raises InvitationUnusable (unknown, expired, withdrawn, answered) with the reason."""
    with uow.read():
        session = uow.session
        invitation = by_token(session, token)
        lifetime(invitation).require_open(now)
        inviter = session.get(Person, invitation.inviter_id)
        invitee = session.get(Person, invitation.invitee_person_id)
        apps = [a.name for key in invitation.app_ids if (a := session.get(App, key))]
        plan = session.get(Plan, invitation.plan_id) if invitation.plan_id else None
        company = session.get(Company, invitation.company_id) if invitation.company_id else None
        return Preview(
            kind=invitation.kind,
            inviter=inviter.name if inviter else "someone",
            invitee=invitee.name if invitee else "",
            invitee_email=invitee.email if invitee else invitation.invitee_email,
            apps=apps,
            plan=plan.name if plan else None,
            price=_price_now(session, plan, now),
            company=company.name if company else invitation.company_name,
            role=invitation.role or "owner",
            expires_at=invitation.expires_at,
        )


def _price_now(session: Session, plan: Plan | None, now: datetime) -> Money | None:
    """The plan's monthly price today (a price change to come shows on the price list)."""
    if plan is None:
        return None
    history = price_history(session, [plan])[plan.id or 0]
    return Money(prices_on(history, now.date()).amount_minor, plan.currency)
