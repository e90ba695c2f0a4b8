"""Corrections of closed months: what a final statement and earlier corrections billed for an
app, the newest closed month, the corrections a statement carries."""

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import func
from sqlmodel import Session, col, select

from billing.closing import CLOSED
from billing.periods import Month
from billing.statement import Line
from storage.id_sets import among
from storage.tables import Correction, Statement, StatementLine


def newest_closed_month(session: Session, company_id: int) -> Month | None:
    query = select(func.max(Statement.period)).where(
        Statement.company_id == company_id, col(Statement.status).in_(CLOSED)
    )
    newest = session.exec(query).first()
    return Month.parse(newest) if newest else None


def billed_for_app(session: Session, company_id: int, month: Month, app: str) -> tuple[int, int]:
    """(amount, plan days) billed for the app in a closed month: its lines on the final
    statement plus the corrections of that month so far."""
    lines = session.exec(
        select(StatementLine.kind, StatementLine.days, StatementLine.amount_minor)
        .join(Statement, col(Statement.id) == StatementLine.statement_id)
        .where(
            Statement.company_id == company_id,
            Statement.period == str(month),
            col(Statement.status).in_(CLOSED),
            StatementLine.app_name == app,
            col(StatementLine.kind).in_(("plan", "overage")),
        )
    ).all()
    corrected = session.exec(
        select(Correction.days, Correction.amount_minor).where(
            Correction.company_id == company_id,
            Correction.period == str(month),
            Correction.app_name == app,
        )
    ).all()
    amount = sum(a for _, _, a in lines) + sum(a for _, a in corrected)
    days = sum(d or 0 for kind, d, _ in lines if kind == "plan") + sum(d or 0 for d, _ in corrected)
    return amount, days


def pending_corrections(
    session: Session, company_ids: Collection[int], month: Month
) -> dict[int, list[Line]]:
    """company id -> the corrections its statement for `month` carries: not yet on a final
    statement, meant for this month or an earlier one (a close that ran meanwhile missed it)."""
    rows = session.exec(
        select(Correction)
        .where(
            among(session, Correction.company_id, company_ids),
            col(Correction.billed_in).is_(None),
            Correction.target <= str(month),
        )
        .order_by(col(Correction.period), col(Correction.id))
    )
    found: dict[int, list[Line]] = defaultdict(list)
    for row in rows:
        found[row.company_id].append(
            Line(
                "correction",
                row.description,
                row.app_name,
                None,
                None,
                row.days,
                None,
                row.amount_minor,
                row.id,
            )
        )
    return found


def mark_billed(session: Session, ids: Collection[int], month: Month) -> None:
    """The corrections a final statement for `month` now carries."""
    for row in session.exec(select(Correction).where(among(session, Correction.id, ids))):
        row.billed_in = str(month)


def corrected_company_ids(session: Session, month: Month) -> set[int]:
    """Companies with a correction of `month`: it was settled on a later statement."""
    query = select(Correction.company_id).where(Correction.period == str(month)).distinct()
    return set(session.exec(query).all())
