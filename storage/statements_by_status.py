"""Statements read by their status, for many companies at once (the Home tab shows many)."""

from collections.abc import Collection

from sqlmodel import Session, col, select

from storage.id_sets import among
from storage.tables import Statement


def statements_with_status(
    session: Session,
    company_ids: Collection[int],
    statuses: Collection[str],
    *,
    since: str | None = None,
    by_charge_day: bool = False,
) -> list[Statement]:
    """By period (or by charge day); `since`: the first period read (YYYY-MM)."""
    query = select(Statement).where(
        among(session, Statement.company_id, company_ids), col(Statement.status).in_(statuses)
    )
    if since is not None:
        query = query.where(col(Statement.period) >= since)
    order = col(Statement.charge_on) if by_charge_day else col(Statement.period)
    return list(session.exec(query.order_by(order)))


def last_period_with_status(
    session: Session, company_id: int, statuses: Collection[str]
) -> str | None:
    """The latest period (YYYY-MM) of the company's statements in one of `statuses`."""
    query = select(Statement.period).where(
        Statement.company_id == company_id, col(Statement.status).in_(statuses)
    )
    return session.exec(query.order_by(col(Statement.period).desc())).first()
