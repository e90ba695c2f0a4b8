"""Everything due at a moment, once: the charge day's month close, charges and their retries,
reminders, and invitations that ran out. The scheduler runs this every minute;
`billbot run-due --at` runs it once. Running it twice at the same moment changes nothing."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from billing.periods import Month
from commands.charges import ChargeReport, charge_due
from commands.close_month import close_month
from commands.due_notices import NoticeReport, write_due_notices
from commands.statements import Calendar
from commands.views import CloseReport
from payments.gateway import Gateway
from storage.audit import record_event
from storage.notices import notify, written_causes
from storage.tables import Invitation
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DueReport:
    closed: list[CloseReport]
    charges: ChargeReport
    notices: NoticeReport
    expired_invitations: int


def run_due(
    uow: UnitOfWork, gateway: Gateway, *, now: datetime, calendar: Calendar = Calendar()
) -> DueReport:
    this_month = Month.of(now.date())
    closed = [
        close_month(uow, month=month, now=now, calendar=calendar, on_charge_day=True)
        for month in (this_month.previous().previous(), this_month.previous())
    ]
    charges = charge_due(uow, gateway, now=now)
    notices = write_due_notices(uow, now=now, calendar=calendar)
    return DueReport(closed, charges, notices, expire_invitations(uow, now=now))


def expire_invitations(uow: UnitOfWork, *, now: datetime) -> int:
    """Tell the inviter once when an invitation ran out unanswered (a resend renews it)."""
    count = 0
    with uow:
        session = uow.session
        for invitation in session.exec(
            select(Invitation).where(
                Invitation.status == "pending", col(Invitation.expires_at) <= now
            )
        ):
            cause = f"invite_expired:{invitation.id}:{invitation.token_hash[:16]}"
            if written_causes(session, [cause]):
                continue
            notify(
                session,
                workspace_id=invitation.workspace_id,
                key=cause,
                people=[invitation.inviter_id],
                text=f"Your invitation #{invitation.id} expired without an answer. "
                f"`/billing resend-invite {invitation.id}` sends a fresh link.",
                now=now,
            )
            record_event(
                session,
                workspace_id=invitation.workspace_id,
                company_id=invitation.company_id,
                actor_id=None,
                action="invitation.expired",
                now=now,
                invitation=invitation.id,
            )
            count += 1
        uow.commit()
    return count
