"""Telling a company's owners, the remover and the removed that someone left or was removed."""

from datetime import datetime

from commands.resolve import Seen
from storage.notices import notify
from storage.roles import owners
from storage.unit_of_work import UnitOfWork


def tell_removal(uow: UnitOfWork, seen: Seen, people: list[int], now: datetime, text: str) -> None:
    """A leave or a dismissal reaches every owner, the remover and the removed."""
    notify(
        uow.session,
        workspace_id=seen.company.workspace_id,
        company_id=seen.id,
        key=f"removal:{seen.id}:{now.isoformat()}:{'-'.join(map(str, people))}",
        people=owners(uow.session, seen.id) + people,
        text=text,
        now=now,
    )
