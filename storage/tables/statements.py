"""Monthly statements of a company and their lines."""

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


class Statement(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("company_id", "period"),
        Index("ix_statement_status", "status", "period"),
    )
    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    period: str = Field(max_length=7)  # YYYY-MM
    currency: str = Field(max_length=3)
    total_minor: int = 0
    status: str = Field(default="draft", max_length=16)
    charge_on: date | None = None
    due_on: date | None = None
    payment_intent_id: str | None = Field(default=None, max_length=64)
    charge_attempts: int = 0
    next_charge_at: datetime | None = timestamp(default=None)  # Stripe mode: when to (re)try
    finalized_at: datetime | None = timestamp(default=None)
    number: str | None = Field(default=None, max_length=16)  # YYYY-NNNNNN, from finalizing on
    paid_at: datetime | None = timestamp(default=None)


class StatementLine(SQLModel, table=True):
    __tablename__ = "statement_line"
    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", index=True)
    position: int
    kind: str = Field(max_length=16)  # plan | overage | balance
    app_id: int | None = Field(default=None, foreign_key="app.id")
    app_name: str | None = Field(default=None, max_length=80)
    description: str = Field(max_length=300)
    first_day: date | None = None
    last_day: date | None = None
    days: int | None = None
    quantity: int | None = None
    amount_minor: int


class Correction(SQLModel, table=True):
    """A change dated inside a month whose statement is final: the difference, billed on a
    later statement (the final one is never touched)."""

    __table_args__ = (
        Index("ix_correction_pending", "company_id", "billed_in"),
        Index("ix_correction_period", "company_id", "period"),
    )
    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    period: str = Field(max_length=7)  # YYYY-MM: the month corrected
    target: str = Field(max_length=7)  # the month whose statement the reply named
    billed_in: str | None = Field(default=None, max_length=7)  # set when a statement carries it
    app_name: str = Field(max_length=80)
    description: str = Field(max_length=300)
    days: int | None = None  # plan days added (below 0: removed)
    amount_minor: int  # below 0: a refund
    currency: str = Field(max_length=3)
    created_at: datetime = timestamp()
