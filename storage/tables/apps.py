"""Plans, apps, and what each app was from which day: its company, its plan, its usage."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


class Plan(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "slug"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    name: str = Field(max_length=80)
    slug: str = Field(max_length=80)
    kind: str = Field(max_length=16)  # unbilled | flat | metered
    amount_minor: int = 0
    currency: str = Field(max_length=3)
    environment: str = Field(default="production", max_length=16)
    metric: str | None = Field(default=None, max_length=40)
    unit_price_micros: int | None = Field(
        default=None, sa_type=BigInteger
    )  # millionths of the minor unit: 0.0004 USD = 40,000
    included_quantity: int | None = None
    created_at: datetime = timestamp()
    retired_at: datetime | None = timestamp(default=None)  # no new assignments from then on


class PlanVersion(SQLModel, table=True):
    """A plan's new prices from a day on; the plan row holds its first prices."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "since"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    since: date
    kind: str = Field(max_length=16)
    amount_minor: int = 0
    unit_price_micros: int | None = Field(default=None, sa_type=BigInteger)
    included_quantity: int | None = None
    created_at: datetime = timestamp()


class App(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("workspace_id", "slug"),
        Index("ix_app_company", "company_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    company_id: int = Field(foreign_key="company.id")
    name: str = Field(max_length=80)
    slug: str = Field(max_length=80)
    environment: str = Field(default="production", max_length=16)
    trial: bool = False
    trial_through: date | None = None  # the last trial day, once a trial has ended
    domain: str | None = Field(default=None, max_length=253)
    domain_since: date | None = None
    created_on: date
    deleted_on: date | None = None
    created_at: datetime = timestamp()


class AppOwnership(SQLModel, table=True):
    """Which company owned an app from which day: transfers split billing by day."""

    __tablename__ = "app_ownership"
    __table_args__ = (
        UniqueConstraint("app_id", "since"),
        Index("ix_app_ownership_company", "company_id", "since"),
    )
    id: int | None = Field(default=None, primary_key=True)
    app_id: int = Field(foreign_key="app.id")
    company_id: int = Field(foreign_key="company.id")
    since: date


class PlanAssignment(SQLModel, table=True):
    __tablename__ = "plan_assignment"
    __table_args__ = (UniqueConstraint("app_id", "since"),)
    id: int | None = Field(default=None, primary_key=True)
    app_id: int = Field(foreign_key="app.id")
    plan_id: int = Field(foreign_key="plan.id", index=True)
    since: date
    created_at: datetime = timestamp()


class Usage(SQLModel, table=True):
    __table_args__ = (
        Index("ix_usage_app_day", "app_id", "day"),
        UniqueConstraint("app_id", "idempotency_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    app_id: int = Field(foreign_key="app.id")
    metric: str = Field(max_length=40)
    day: date
    quantity: int
    recorded_at: datetime = timestamp()
    idempotency_key: str | None = Field(default=None, max_length=200)  # from a meter's batch


class ApiKey(SQLModel, table=True):
    """A workspace's key for POST /api/usage: only its SHA-256 is kept, shown once when made."""

    __tablename__ = "api_key"
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id", index=True)
    label: str = Field(max_length=80)
    key_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = timestamp()
    revoked_at: datetime | None = timestamp(default=None)
