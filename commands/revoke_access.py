"""Taking a person's or a team's direct role in a company away (`revoke`, and `dismiss`)."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import NotFound
from billing.refs import PersonRef, TeamRef
from billing.roles import require, revoke_action
from commands.access_holder import holder_of, require_an_owner
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.removal_notice import tell_removal
from commands.resolve import visible_company
from storage.locks import lock_company
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Revoke:
    subject: PersonRef | TeamRef
    company: str


@dataclass(frozen=True)
class Dismiss:
    subject: PersonRef
    company: str


@dataclass(frozen=True)
class AccessRevoked:
    subject: str
    role: str  # the role taken away
    company: str


def revoke_access(
    uow: UnitOfWork, *, actor: Actor, subject: PersonRef | TeamRef, company: str, now: datetime
) -> AccessRevoked:
    with uow:
        seen = visible_company(uow, actor, company)
        lock_company(uow.session, seen.id)
        holder = holder_of(uow, actor, subject, now)
        row = holder.access_in(uow, seen)
        if row is None:
            raise NotFound(f"{holder.label} has no direct access to {seen.company.name}.")
        require(seen.role, revoke_action(row.role), seen.company.name)
        uow.session.delete(row)
        uow.session.flush()
        require_an_owner(uow, seen.id, seen.company.name)
        removed = [row.person_id] if row.person_id else []
        tell_removal(
            uow,
            seen,
            [*removed, actor.person_id],
            now,
            f"{actor.name} removed {holder.label} ({row.role}) from {seen.company.name}.",
        )
        detail = {"subject": holder.label, "role": row.role}
        commit_change(uow, actor, "access.revoked", now=now, company_id=seen.id, **detail)
    return AccessRevoked(holder.label, row.role, seen.company.name)
