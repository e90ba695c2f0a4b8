"""Who did what and when in a company, newest first, a page at a time."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, func, select

from commands.actor import Actor
from commands.resolve import visible_company
from storage.tables import AuditEvent, Person
from storage.unit_of_work import UnitOfWork

PAGE = 20


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    who: str
    action: str
    detail: dict


@dataclass(frozen=True)
class AuditPage:
    company: str
    page: int
    pages: int
    lines: list[AuditLine]


def audit_log(uow: UnitOfWork, *, actor: Actor, company: str, page: int = 1) -> AuditPage:
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        total = session.exec(select(func.count()).where(AuditEvent.company_id == seen.id)).one()
        pages = max(1, -(-total // PAGE))
        page = min(max(1, page), pages)
        rows = session.exec(
            select(AuditEvent, Person.name)
            .join(Person, col(Person.id) == AuditEvent.actor_id, isouter=True)
            .where(AuditEvent.company_id == seen.id)
            .order_by(col(AuditEvent.created_at).desc(), col(AuditEvent.id).desc())
            .offset((page - 1) * PAGE)
            .limit(PAGE)
        ).all()
        lines = [AuditLine(e.created_at, name or "billbot", e.action, e.detail) for e, name in rows]
        return AuditPage(seen.company.name, page, pages, lines)
