"""Leaving a company one holds a direct role in (the last owner hands over first)."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid, LastOwner
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.removal_notice import tell_removal
from commands.resolve import visible_company
from storage.access_rows import access_row
from storage.locks import lock_company
from storage.roles import owners
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Leave:
    company: str


@dataclass(frozen=True)
class CompanyLeft:
    company: str


def leave_company(uow: UnitOfWork, *, actor: Actor, company: str, now: datetime) -> CompanyLeft:
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        lock_company(session, seen.id)
        if seen.role == "owner":  # a co-owner may go; the last owner hands over first
            if not [p for p in owners(session, seen.id) if p != actor.person_id]:
                raise LastOwner(
                    f"You are the last owner of {seen.company.name}: hand ownership over "
                    "first (`/billing handover`)."
                )
        else:
            require(seen.role, Action.LEAVE, seen.company.name)
        row = access_row(session, seen.id, person_id=actor.person_id)
        if row is None:
            raise Invalid(
                f"You hold your role in {seen.company.name} through a team: ask to be "
                "removed from the team instead."
            )
        session.delete(row)
        session.flush()
        tell_removal(
            uow,
            seen,
            [actor.person_id],
            now,
            f"{actor.name} left {seen.company.name} (was {row.role}).",
        )
        commit_change(uow, actor, "access.left", now=now, company_id=seen.id, role=row.role)
    return CompanyLeft(seen.company.name)
