"""Companies' statements by month: the stored one, its lines, the closed ones, the carried."""

from collections.abc import Collection

from sqlmodel import Session, col, select

from billing.closing import CLOSED
from billing.periods import Month
from billing.statement import Line, carries, min_charge_minor
from storage.corrections import corrected_company_ids
from storage.id_sets import among
from storage.tables import Company, Statement, StatementLine


def statement_of(session: Session, company_id: int, period: str) -> Statement | None:
    query = select(Statement).where(Statement.company_id == company_id, Statement.period == period)
    return session.exec(query).first()


def statement_lines(session: Session, statement_id: int) -> tuple[Line, ...]:
    rows = session.exec(
        select(StatementLine)
        .where(StatementLine.statement_id == statement_id)
        .order_by(col(StatementLine.position))
    )
    return tuple(
        Line(
            r.kind,
            r.description,
            r.app_name,
            r.first_day,
            r.last_day,
            r.days,
            r.quantity,
            r.amount_minor,
        )
        for r in rows
    )


def closed_company_ids(session: Session, month: Month) -> set[int]:
    """The companies whose `month` is settled: its statement or a later one is closed, or a
    correction on a later statement billed it (statements are finalized in month order)."""
    query = select(Statement.company_id).where(
        Statement.period >= str(month), col(Statement.status).in_(CLOSED)
    )
    return set(session.exec(query).all()) | corrected_company_ids(session, month)


def carried_balances(session: Session, company_ids: list[int], previous: Month) -> dict[int, int]:
    """Last month's totals too small to charge, or below zero (a credit): they carry into
    this month."""
    rows = session.exec(
        select(Statement.company_id, Statement.total_minor, Statement.currency).where(
            among(session, Statement.company_id, company_ids),
            Statement.period == str(previous),
            Statement.status == "finalized",
        )
    )
    return {c: total for c, total, currency in rows if carries(total, min_charge_minor(currency))}


def mark_carried(session: Session, company_ids: Collection[int], previous: Month) -> None:
    """Last month's statements whose balance this month's statements carry."""
    rows = session.exec(
        select(Statement).where(
            among(session, Statement.company_id, company_ids),
            Statement.period == str(previous),
        )
    )
    for row in rows:
        row.status = "carried"


def billed_by_hand(session: Session, month: Month) -> list[tuple[int, str, int, str]]:
    """(workspace id, company name, total, currency) of the month's finalized statements of
    companies billed by hand, by workspace and name."""
    query = (
        select(Company.workspace_id, Company.name, Statement.total_minor, Statement.currency)
        .join(Statement, col(Statement.company_id) == Company.id)
        .where(
            Statement.period == str(month),
            Statement.status == "finalized",
            Company.billing_mode == "manual",
        )
        .order_by(col(Company.workspace_id), col(Company.name))
    )
    return list(session.exec(query).all())


def closed_since(session: Session, workspace_id: int, period: str) -> bool:
    """Has any of the workspace's companies a closed statement for `period` or later?"""
    query = (
        select(Statement.id)
        .join(Company, col(Company.id) == Statement.company_id)
        .where(
            Company.workspace_id == workspace_id,
            col(Statement.period) >= period,
            col(Statement.status).in_(CLOSED),
        )
    )
    return session.exec(query.limit(1)).first() is not None
