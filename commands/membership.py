"""Leaving a company, and handing its ownership over."""

from datetime import datetime

from sqlmodel import select

from billing.errors import Invalid, LastOwner, NotFound
from billing.refs import PersonRef
from billing.roles import Action, require, require_not_self
from commands.access import tell_removal
from commands.actor import Actor
from commands.resolve import person_referred, visible_company
from commands.views import Done
from storage.audit import record_event
from storage.locks import lock_company
from storage.notices import notify
from storage.roles import effective_roles, role_of
from storage.tables import Access
from storage.unit_of_work import UnitOfWork


def leave_company(uow: UnitOfWork, *, actor: Actor, company: str, now: datetime) -> Done:
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        lock_company(session, seen.id)
        if seen.role == "owner":
            raise LastOwner(
                f"Owners can't leave {seen.company.name}: hand ownership over first "
                "(`/billing handover`)."
            )
        require(seen.role, Action.LEAVE, seen.company.name)
        row = session.exec(
            select(Access).where(Access.company_id == seen.id, Access.person_id == actor.person_id)
        ).first()
        if row is None:
            raise Invalid(
                f"You hold your role in {seen.company.name} through a team: ask to be "
                "removed from the team instead."
            )
        session.delete(row)
        session.flush()
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="access.left",
            now=now,
            role=row.role,
        )
        tell_removal(
            uow,
            seen,
            [actor.person_id],
            now,
            f"{actor.name} left {seen.company.name} (was {row.role}).",
        )
        uow.commit()
    return Done(f"You left {seen.company.name}. Its owners are told.")


def hand_over(uow: UnitOfWork, *, actor: Actor, company: str, to: PersonRef, now: datetime) -> Done:
    """The owner makes a member the owner and becomes admin."""
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        lock_company(session, seen.id)
        require(seen.role, Action.HANDOVER, seen.company.name)
        person = person_referred(uow, actor, to, now)
        require_not_self(actor.person_id, person.id)
        if role_of(session, seen.id, person.id or 0) is None:
            raise NotFound(
                f"{person.name} has no role in {seen.company.name}: grant them one "
                "first, then hand over."
            )
        mine = session.exec(
            select(Access).where(Access.company_id == seen.id, Access.person_id == actor.person_id)
        ).first()
        if mine is None or mine.role != "owner":
            raise Invalid("Your ownership comes through a team: change the team's role instead.")
        theirs = session.exec(
            select(Access).where(Access.company_id == seen.id, Access.person_id == person.id)
        ).first()
        if theirs is None:
            session.add(
                Access(company_id=seen.id, person_id=person.id, role="owner", created_at=now)
            )
        else:
            theirs.role = "owner"
        mine.role = "admin"
        session.flush()
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="company.handed_over",
            now=now,
            to=person.name,
        )
        owners = [p for p, r in effective_roles(session, seen.id).items() if r == "owner"]
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            key=f"handover:{seen.id}:{now.isoformat()}",
            people=[*owners, actor.person_id],
            now=now,
            text=f"{actor.name} handed {seen.company.name} over to {person.name}, who is now "
            f"its owner; {actor.name} is admin.",
        )
        uow.commit()
    return Done(f"{person.name} now owns {seen.company.name}; you are its admin.")
