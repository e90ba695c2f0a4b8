"""Who did what and when in a company, newest first, a page at a time."""

from dataclasses import dataclass
from datetime import datetime

from commands.actor import Actor
from commands.resolve import visible_company
from storage.audit import event_count, events_page
from storage.tables import Person
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
        lines = [
            AuditLine(e.created_at, name or "billbot", e.action, _named(uow, e.detail))
            for e, name in rows
        ]
        return AuditPage(seen.company.name, page, pages, lines)


def _named(uow: UnitOfWork, detail: dict) -> dict:
    """Older events kept the owner's row id (`owner_id`): the log shows the person's name."""
    if not isinstance(detail.get("owner_id"), int):
        return detail
    named = {k: v for k, v in detail.items() if k != "owner_id"}
    person = uow.session.get(Person, detail["owner_id"])
    named["owner"] = person.name if person else "someone since removed"
    return named
