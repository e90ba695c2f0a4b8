"""Which company owns an app from which day."""

from datetime import date

from sqlmodel import Session, select

from storage.tables import AppOwnership


def ownership_since(session: Session, app_id: int, since: date) -> AppOwnership | None:
    query = select(AppOwnership).where(AppOwnership.app_id == app_id, AppOwnership.since == since)
    return session.exec(query).first()
