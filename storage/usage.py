"""Usage as recorded: an app's total of a metric on a day (corrections included)."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.tables import Usage


def day_usage(session: Session, app_id: int, metric: str, day: date) -> int:
    query = select(func.coalesce(func.sum(col(Usage.quantity)), 0)).where(
        Usage.app_id == app_id, Usage.metric == metric, Usage.day == day
    )
    return int(session.exec(query).one())
