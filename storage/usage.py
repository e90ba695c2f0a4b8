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


def usage_by_keys(session: Session, keys: set[tuple[int, str]]) -> dict[tuple[int, str], Usage]:
    """The usage already recorded under these (app id, idempotency key) pairs."""
    if not keys:
        return {}
    apps = {app_id for app_id, _ in keys}
    names = {key for _, key in keys}
    query = select(Usage).where(col(Usage.app_id).in_(apps), col(Usage.idempotency_key).in_(names))
    return {
        (row.app_id, row.idempotency_key or ""): row
        for row in session.exec(query)
        if (row.app_id, row.idempotency_key) in keys
    }
