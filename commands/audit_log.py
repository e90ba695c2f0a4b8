"""Who did what and when in a company, newest first, a page at a time."""

from dataclasses import dataclass
from datetime import datetime

from commands.actor import Actor
from commands.resolve import visible_company
from storage.audit import event_count, events_page
from storage.unit_of_work import UnitOfWork

PAGE = 20


@dataclass(frozen=True)
class Audit:
    company: str
    page: int = 1


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
    with uow.read():
        seen = visible_company(uow, actor, company)
        pages = max(1, -(-event_count(uow.session, seen.id) // PAGE))
        page = min(max(1, page), pages)
        rows = events_page(uow.session, seen.id, offset=(page - 1) * PAGE, limit=PAGE)
        lines = [AuditLine(e.created_at, name or "billbot", e.action, e.detail) for e, name in rows]
        return AuditPage(seen.company.name, page, pages, lines)
