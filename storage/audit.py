"""The audit log: appended in the same transaction as the change, never edited, read by page."""

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, func, select

from storage.tables import AuditEvent, Person


def record_event(
    session: Session,
    *,
    workspace_id: int,
    actor_id: int | None,
    action: str,
    now: datetime,
    company_id: int | None = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEvent(
            workspace_id=workspace_id,
            company_id=company_id,
            actor_id=actor_id,
            action=action,
            detail=detail,
            created_at=now,
        )
    )


def event_count(session: Session, company_id: int) -> int:
    query = select(func.count()).where(AuditEvent.company_id == company_id)
    return session.exec(query).one()


def events_page(
    session: Session, company_id: int, *, offset: int, limit: int
) -> list[tuple[AuditEvent, str | None]]:
    """(event, actor's name or None for billbot) of a company, newest first."""
    query = (
        select(AuditEvent, Person.name)
        .join(Person, col(Person.id) == AuditEvent.actor_id, isouter=True)
        .where(AuditEvent.company_id == company_id)
        .order_by(col(AuditEvent.created_at).desc(), col(AuditEvent.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.exec(query))
