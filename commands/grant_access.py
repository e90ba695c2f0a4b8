"""Giving a person or a team a role in a company, or changing the role they hold."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import AlreadyExists
from billing.refs import PersonRef, TeamRef
from billing.roles import check_role, require, require_can_assign, revoke_action
from commands.access_holder import holder_of, require_an_owner
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_company
from storage.locks import lock_company
from storage.tables import Access
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Grant:
    subject: PersonRef | TeamRef
    company: str
    role: str


@dataclass(frozen=True)
class AccessGranted:
    subject: str
    role: str
    company: str
    previous: str | None  # the role held before, if any


def grant_access(
    uow: UnitOfWork,
    *,
    actor: Actor,
    subject: PersonRef | TeamRef,
    company: str,
    role: str,
    now: datetime,
) -> AccessGranted:
    role = check_role(role)
    with uow:
        seen = visible_company(uow, actor, company)
        lock_company(uow.session, seen.id)
        require_can_assign(seen.role, role, seen.company.name)
        holder = holder_of(uow, actor, subject, now)
        row = holder.access_in(uow, seen)
        if row is not None and row.role == role:
            raise AlreadyExists(
                f"{holder.label} already has the {role} role in {seen.company.name}."
            )
        if row is not None:
            require(seen.role, revoke_action(row.role), seen.company.name)
            previous, row.role = row.role, role
        else:
            previous = None
            row = Access(
                company_id=seen.id,
                person_id=holder.person_id,
                team_id=holder.team_id,
                role=role,
                created_at=now,
            )
        uow.session.add(row)
        uow.session.flush()
        require_an_owner(uow, seen.id, seen.company.name)
        action = "access.changed" if previous else "access.granted"
        detail = {"subject": holder.label, "role": role, "previous": previous}
        commit_change(uow, actor, action, now=now, company_id=seen.id, **detail)
    return AccessGranted(holder.label, role, seen.company.name, previous)
