"""Workspaces and who is in them: people, operators, teams and team members."""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.tables.columns import timestamp


class Workspace(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(unique=True, max_length=32)
    name: str = Field(default="", max_length=200)
    created_at: datetime = timestamp()
    statements_numbered: int = 0  # the last statement number handed out (never goes back)


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
    created_at: datetime = timestamp()


class Operator(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    person_id: int = Field(foreign_key="person.id")
    created_at: datetime = timestamp()


class Team(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "slug"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id")
    name: str = Field(max_length=80)
    slug: str = Field(max_length=80)
    created_at: datetime = timestamp()


class TeamMember(SQLModel, table=True):
    __tablename__ = "team_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    access: str = Field(max_length=16)  # unlimited | limited
