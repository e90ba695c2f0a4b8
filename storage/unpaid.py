"""Statements awaiting money: due for a charge, unpaid, past their due day."""

from datetime import datetime

from sqlmodel import Session, col, select

from storage.locks import lock_company
from storage.tables import Company, Statement


def due_charges(session: Session, now: datetime) -> list[int]:
    """Ids of the finalized statements of card-paying companies whose charge time has come."""
    query = (
        select(Statement.id)
        .join(Company, col(Company.id) == Statement.company_id)
        .where(
            Statement.status == "finalized",
            col(Statement.next_charge_at) <= now,
            Company.billing_mode == "stripe",
        )
        .order_by(col(Statement.id))
    )
    return [key for key in session.exec(query).all() if key is not None]


def locked_statement(session: Session, statement_id: int) -> tuple[Statement, Company]:
    """A statement, fresh under its company's lock, and its company."""
    statement = session.get(Statement, statement_id)
    assert statement is not None
    lock_company(session, statement.company_id)
    session.refresh(statement)
    company = session.get(Company, statement.company_id)
    assert company is not None
    return statement, company


def has_past_due(session: Session, company_id: int) -> bool:
    query = select(Statement.id).where(
        Statement.company_id == company_id, Statement.status == "past_due"
    )
    return session.exec(query).first() is not None


def unpaid_statements(session: Session) -> list[Statement]:
    """Finalized and past-due statements."""
    query = select(Statement).where(col(Statement.status).in_(("finalized", "past_due")))
    return list(session.exec(query).all())


def finalized_with_due_day(session: Session) -> list[tuple[Statement, Company]]:
    """Finalized statements that have a due day, with their companies."""
    query = (
        select(Statement, Company)
        .join(Company, col(Company.id) == Statement.company_id)
        .where(Statement.status == "finalized", col(Statement.due_on).is_not(None))
    )
    return list(session.exec(query).all())
