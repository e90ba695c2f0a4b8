"""SQLModel tables: every concept in SPEC, each row scoped to one workspace."""

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import JSON, CheckConstraint, Index, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def _ts(**kw: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kw)


class Workspace(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(unique=True, max_length=32)
    name: str = Field(default="", max_length=200)
    created_at: datetime = _ts()


class Person(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("workspace_id", "slack_user_id"),
        UniqueConstraint("workspace_id", "email"),
        Index("ix_person_workspace_name", "workspace_id", "name_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    slack_user_id: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=254)
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    account_type: str = Field(max_length=16)  # developer | client
    created_at: datetime = _ts()


class Operator(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    person_id: int = Field(foreign_key="person.id")
    created_at: datetime = _ts()


class Team(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "slug"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    name: str = Field(max_length=80)
    slug: str = Field(max_length=80)
    created_at: datetime = _ts()


class TeamMember(SQLModel, table=True):
    __tablename__ = "team_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    access: str = Field(max_length=16)  # unlimited | limited


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
    created_at: datetime = _ts()


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
    created_at: datetime = _ts()


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
    unit_price_minor: int | None = None
    included_quantity: int | None = None
    created_at: datetime = _ts()


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
    created_at: datetime = _ts()


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
    created_at: datetime = _ts()


class Usage(SQLModel, table=True):
    __table_args__ = (Index("ix_usage_app_day", "app_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    app_id: int = Field(foreign_key="app.id")
    metric: str = Field(max_length=40)
    day: date
    quantity: int
    recorded_at: datetime = _ts()


class Invitation(SQLModel, table=True):
    __table_args__ = (Index("ix_invitation_workspace_status", "workspace_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    kind: str = Field(max_length=16)  # access | client
    token_hash: str = Field(unique=True, max_length=64)
    inviter_id: int = Field(foreign_key="person.id")
    invitee_person_id: int | None = Field(default=None, foreign_key="person.id")
    invitee_email: str | None = Field(default=None, max_length=254)
    company_id: int | None = Field(default=None, foreign_key="company.id")
    role: str | None = Field(default=None, max_length=16)
    company_name: str | None = Field(default=None, max_length=80)
    plan_id: int | None = Field(default=None, foreign_key="plan.id")
    app_ids: list[int] = Field(default_factory=list, sa_type=JSON)
    status: str = Field(default="pending", max_length=16)
    created_at: datetime = _ts()
    expires_at: datetime = _ts()
    decided_at: datetime | None = _ts(default=None)
    decided_by: int | None = Field(default=None, foreign_key="person.id")
    result_company_id: int | None = Field(default=None, foreign_key="company.id")


class TransferRequest(SQLModel, table=True):
    """An app's move asked by an owner of its company, awaiting an owner of the target."""

    __tablename__ = "transfer_request"
    __table_args__ = (Index("ix_transfer_target_status", "to_company_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    app_id: int = Field(foreign_key="app.id")
    from_company_id: int = Field(foreign_key="company.id")
    to_company_id: int = Field(foreign_key="company.id")
    requested_by: int = Field(foreign_key="person.id")
    status: str = Field(default="pending", max_length=16)
    created_at: datetime = _ts()
    expires_at: datetime = _ts()
    decided_at: datetime | None = _ts(default=None)
    decided_by: int | None = Field(default=None, foreign_key="person.id")


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
    next_charge_at: datetime | None = _ts(default=None)  # Stripe mode: when to (re)try
    finalized_at: datetime | None = _ts(default=None)
    paid_at: datetime | None = _ts(default=None)


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


class Outbox(SQLModel, table=True):
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_cause", "cause"),
    )
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    key: str = Field(unique=True, max_length=200)  # the cause, and the recipient when several
    cause: str = Field(default="", max_length=200)  # kind:company:period-or-event
    kind: str = Field(max_length=32)
    channel: str | None = Field(default=None, max_length=32)  # Slack channel or user id
    email: str | None = Field(default=None, max_length=254)  # for people without Slack
    company_id: int | None = Field(default=None, foreign_key="company.id")
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    status: str = Field(default="pending", max_length=16)  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime = _ts()
    sent_at: datetime | None = _ts(default=None)
    slack_ts: str | None = Field(default=None, max_length=32)
    error: str | None = Field(default=None, max_length=500)
    created_at: datetime = _ts()


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_company_time", "company_id", "created_at"),
        Index("ix_audit_workspace_time", "workspace_id", "created_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    company_id: int | None = Field(default=None, foreign_key="company.id")
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    action: str = Field(max_length=48)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = _ts()


class ProcessedEvent(SQLModel, table=True):
    """Slack event ids and Stripe event ids seen once: retries are dropped."""

    __tablename__ = "processed_event"
    __table_args__ = (UniqueConstraint("source", "event_id"),)
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)  # slack | stripe
    event_id: str = Field(max_length=128)
    received_at: datetime = _ts()


def id_of(row: SQLModel) -> int:
    """The primary key of a stored (flushed) row."""
    key = getattr(row, "id", None)
    if key is None:
        raise ValueError(f"{type(row).__name__} has no id yet: flush it first")
    return int(key)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for bulk inserts that skip the ORM."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]
