"""Asks that someone answers once: invitations and app transfer requests."""

from datetime import datetime

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


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
    created_at: datetime = timestamp()
    expires_at: datetime = timestamp()
    decided_at: datetime | None = timestamp(default=None)
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
    created_at: datetime = timestamp()
    expires_at: datetime = timestamp()
    decided_at: datetime | None = timestamp(default=None)
    decided_by: int | None = Field(default=None, foreign_key="person.id")
