"""Answering an ask once: pending -> a decision, as a compare-and-set on the row itself."""

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from storage.tables import Invitation, TransferRequest


def claim(
    session: Session,
    table: type[Invitation] | type[TransferRequest],
    row_id: int,
    *,
    status: str,
    by: int | None,
    now: datetime,
) -> bool:
    """True for the one caller that moved the row out of pending; racing clicks get False."""
    changed = (
        session.connection()
        .execute(
            update(table)
            .where(col(table.id) == row_id, col(table.status) == "pending")
            .values(status=status, decided_at=now, decided_by=by)
        )
        .rowcount
    )
    return bool(changed == 1)
