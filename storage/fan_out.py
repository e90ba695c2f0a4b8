"""A company notice without a linked channel, fanned out when it is sent: one outbox row per
person to tell (owners, admins and billing people), found then."""

from datetime import datetime

from sqlalchemy import update
from sqlmodel import col

from storage.bulk import insert_rows
from storage.notices import pending_row
from storage.outbox import Claimed
from storage.recipients import company_recipients
from storage.tables import Company, Outbox
from storage.unit_of_work import UnitOfWork


def expand(uow: UnitOfWork, row: Claimed, *, now: datetime) -> int:
    """A company notice without a channel becomes one row per person to tell, found now."""
    with uow:
        session = uow.session
        company = session.get(Company, row.company_id)
        recipients = company_recipients(session, company) if company else []
        insert_rows(
            session,
            Outbox,
            [
                pending_row(row.workspace_id, f"{row.key}>{channel or email}", row.key, row.kind)
                | {"company_id": row.company_id, "channel": channel, "email": email}
                | {"payload": row.payload, "next_attempt_at": now, "created_at": row.created_at}
                for channel, email in recipients
            ],
        )
        status, error = (
            ("expanded", None)
            if recipients
            else ("failed", "nobody to tell: no linked channel and no owner, admin or billing")
        )
        session.connection().execute(
            update(Outbox)
            .where(col(Outbox.id) == row.id)
            .values(status=status, error=error, sent_at=now)
        )
        uow.commit()
    return len(recipients)
