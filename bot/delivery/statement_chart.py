"""The chart that goes with a statement_ready message: the company's last closed months."""

from sqlmodel import col, select

from billing.closing import CLOSED
from bot.render.chart import history_png
from storage.outbox import Claimed
from storage.tables import Company, Statement
from storage.unit_of_work import UnitOfWork

HISTORY_MONTHS = 12


def statement_chart(uow: UnitOfWork, row: Claimed) -> tuple[bytes, str] | None:
    """The PNG and its title; None when the row has no company (any more)."""
    if row.company_id is None:
        return None
    with uow.read():
        session = uow.session
        company = session.get(Company, row.company_id)
        if company is None:
            return None
        history = session.exec(
            select(Statement.period, Statement.total_minor)
            .where(
                Statement.company_id == row.company_id,
                col(Statement.status).in_(CLOSED),
                Statement.currency == company.currency,
            )
            .order_by(col(Statement.period).desc())
            .limit(HISTORY_MONTHS)
        ).all()
        name, currency = company.name, company.currency
    months = sorted((period, total) for period, total in history)
    title = f"{name}: the last {len(months)} months" if len(months) > 1 else f"{name}: first month"
    return history_png(months, currency, title), title
