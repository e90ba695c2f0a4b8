"""SQLModel tables: every concept in SPEC, each row scoped to one workspace."""

from storage.tables.apps import (
    ApiKey,
    App,
    AppOwnership,
    Plan,
    PlanAssignment,
    PlanVersion,
    Usage,
)
from storage.tables.asks import Invitation, TransferRequest
from storage.tables.columns import id_of, table_of
from storage.tables.companies import Access, Company
from storage.tables.events import AuditEvent, Outbox, ProcessedEvent
from storage.tables.people import Operator, Person, Team, TeamMember, Workspace
from storage.tables.statements import Correction, Statement, StatementLine
from storage.tables.threads import QuestionThread

__all__ = [
    "Access",
    "ApiKey",
    "App",
    "AppOwnership",
    "AuditEvent",
    "Company",
    "Correction",
    "Invitation",
    "Operator",
    "Outbox",
    "Person",
    "Plan",
    "PlanAssignment",
    "PlanVersion",
    "ProcessedEvent",
    "QuestionThread",
    "Statement",
    "StatementLine",
    "Team",
    "TeamMember",
    "TransferRequest",
    "Usage",
    "Workspace",
    "id_of",
    "table_of",
]
