"""Audit events billbot records on its own (a sweep, a charge, a webhook): no person acted."""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from storage.audit import record_event
from storage.tables import Company


def audit_company(
    session: Session, company: Company, action: str, now: datetime, **detail: Any
) -> None:
    record_event(
        session,
        workspace_id=company.workspace_id,
        company_id=company.id,
        actor_id=None,
        action=action,
        now=now,
        **detail,
    )
