"""The tail every change ends with: its audit event, then the one commit of the use case."""

from datetime import datetime
from typing import Any

from commands.actor import Actor
from storage.audit import record_event
from storage.unit_of_work import UnitOfWork


def commit_change(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    *,
    now: datetime,
    company_id: int | None = None,
    **detail: Any,
) -> None:
    """Record `action` by `actor` in the audit log and commit the unit of work once."""
    record_event(
        uow.session,
        workspace_id=actor.workspace_id,
        company_id=company_id,
        actor_id=actor.person_id,
        action=action,
        now=now,
        **detail,
    )
    uow.commit()
