"""Companies, and who holds which role in each (a person or a team)."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


class Company(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "slug"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    name: str = Field(max_length=80)
    slug: str = Field(max_length=80)
    invoice_email: str | None = Field(default=None, max_length=254)
    currency: str = Field(max_length=3)
    timezone: str = Field(default="UTC", max_length=64)
    billing_mode: str = Field(default="manual", max_length=16)  # stripe | manual
    payment_status: str = Field(default="ok", max_length=16)  # ok | past_due
    stripe_customer_id: str | None = Field(default=None, max_length=64)
    card_brand: str | None = Field(default=None, max_length=16)  # the saved card, as Stripe says
    card_last4: str | None = Field(default=None, max_length=4)
    card_expires: date | None = None  # the last day the saved card works
    channel_id: str | None = Field(default=None, max_length=32)
    reminders_on: bool = True
    reminder_days: int = 3
    reminder_time: str = Field(default="09:00", max_length=5)
    created_at: datetime = timestamp()


class Access(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("company_id", "person_id"),
        UniqueConstraint("company_id", "team_id"),
        CheckConstraint("(person_id IS NULL) <> (team_id IS NULL)", name="access_one_subject"),
        Index("ix_access_person", "person_id"),
        Index("ix_access_team", "team_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    person_id: int | None = Field(default=None, foreign_key="person.id")
    team_id: int | None = Field(default=None, foreign_key="team.id")
    role: str = Field(max_length=16)
    created_at: datetime = timestamp()
