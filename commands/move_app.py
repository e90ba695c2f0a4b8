"""Moving an app to another company: the old one pays through today, the new one from tomorrow."""

from datetime import date, datetime, timedelta

from sqlmodel import Session

from billing.calendar import local_date
from storage.app_ownership import ownership_since
from storage.audit import record_event
from storage.tables import App, AppOwnership, Company, id_of
from storage.transfer_requests import close_requests_of


def move(session: Session, app: App, target: Company, by: int, now: datetime) -> date:
    """The last day the old company pays; both companies' audit logs record the move."""
    day = local_date(now, target.timezone)
    old = app.company_id
    app.company_id = id_of(target)
    since = day + timedelta(days=1)
    same_day = ownership_since(session, id_of(app), since)
    if same_day is not None:  # moved twice in a day: the last move owns it from tomorrow
        same_day.company_id = id_of(target)
    else:
        session.add(AppOwnership(app_id=id_of(app), company_id=id_of(target), since=since))
    close_requests_of(session, id_of(app), now)
    for company_id in (old, id_of(target)):
        record_event(
            session,
            workspace_id=app.workspace_id,
            company_id=company_id,
            actor_id=by,
            action="app.transferred",
            now=now,
            app=app.name,
            from_company=old,
            to_company=target.id,
            since=since.isoformat(),
        )
    return day
