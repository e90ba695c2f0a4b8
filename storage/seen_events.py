"""Remembering external event ids, so a retried Slack event or Stripe event acts once."""

from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.tables import ProcessedEvent
from storage.unit_of_work import UnitOfWork


def first_time(uow: UnitOfWork, *, source: str, event_id: str, now: datetime) -> bool:
    """True the first time an event id is seen; the unique key settles races between replicas."""
    row = {"source": source, "event_id": event_id[:128], "received_at": now}
    with uow:
        try:  # one row per request: a plain insert, no ORM object
            uow.session.connection().execute(insert(ProcessedEvent).values(**row))
            uow.commit()
        except IntegrityError:
            return False
    return True


def seen_before(uow: UnitOfWork, *, source: str, event_id: str) -> bool:
    with uow.read():
        found = uow.session.exec(
            select(ProcessedEvent.id).where(
                ProcessedEvent.source == source, ProcessedEvent.event_id == event_id[:128]
            )
        ).first()
    return found is not None
