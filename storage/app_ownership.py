"""Which company owns an app from which day."""

from datetime import date

from sqlmodel import Session, select

from storage.tables import App, AppOwnership


def ownership_since(session: Session, app_id: int, since: date) -> AppOwnership | None:
    query = select(AppOwnership).where(AppOwnership.app_id == app_id, AppOwnership.since == since)
    return session.exec(query).first()


def start_app_from(session: Session, app: App, day: date) -> None:
    """An app billed from a day before it was recorded starts on that day: its first owner
    owns it from then (a plan or domain `since:` that reaches back)."""
    if day >= app.created_on:
        return
    query = select(AppOwnership).where(AppOwnership.app_id == app.id)
    first = min(session.exec(query).all(), key=lambda row: row.since, default=None)
    if first is not None and first.since > day:
        first.since = day
    app.created_on = day
