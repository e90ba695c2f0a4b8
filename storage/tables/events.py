"""What happened and what is to be sent: the outbox, the audit log, external events seen."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


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
    next_attempt_at: datetime = timestamp()
    sent_at: datetime | None = timestamp(default=None)
    slack_ts: str | None = Field(default=None, max_length=32)
    error: str | None = Field(default=None, max_length=500)
    created_at: datetime = timestamp()


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
    created_at: datetime = timestamp()


class ProcessedEvent(SQLModel, table=True):
    """Slack event ids and Stripe event ids seen once: retries are dropped."""

    __tablename__ = "processed_event"
    __table_args__ = (UniqueConstraint("source", "event_id"),)
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)  # slack | stripe
    event_id: str = Field(max_length=128)
    received_at: datetime = timestamp()
