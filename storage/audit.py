"""The audit log: appended to in the same transaction as the change, never edited."""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from storage.tables import AuditEvent


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
