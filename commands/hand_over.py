"""Handing a company's ownership over: the owner makes a member the owner and becomes admin."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid, NotFound
from billing.refs import PersonRef
from billing.roles import Action, require, require_not_self
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import person_referred, visible_company
from storage.access_rows import access_row
from storage.locks import lock_company
from storage.notices import notify
from storage.roles import owners, role_of
from storage.tables import Access, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Handover:
    company: str
    to: PersonRef


@dataclass(frozen=True)
class HandedOver:
    company: str
    to: str  # the new owner's name


def hand_over(
    uow: UnitOfWork, *, actor: Actor, company: str, to: PersonRef, now: datetime
) -> HandedOver:
    with uow:
        session = uow.session
        seen = visible_company(uow, actor, company)
        lock_company(session, seen.id)
        require(seen.role, Action.HANDOVER, seen.company.name)
        person = person_referred(uow, actor, to, now)
        require_not_self(actor.person_id, person.id)
        if role_of(session, seen.id, id_of(person)) is None:
            raise NotFound(
                f"{person.name} has no role in {seen.company.name}: grant them one "
                "first, then hand over."
            )
        mine = access_row(session, seen.id, person_id=actor.person_id)
        if mine is None or mine.role != "owner":
            raise Invalid("Your ownership comes through a team: change the team's role instead.")
        theirs = access_row(session, seen.id, person_id=person.id)
        if theirs is None:
            session.add(
                Access(company_id=seen.id, person_id=person.id, role="owner", created_at=now)
            )
        else:
            theirs.role = "owner"
        mine.role = "admin"
        session.flush()
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            key=f"handover:{seen.id}:{now.isoformat()}",
            people=[*owners(session, seen.id), actor.person_id],
            now=now,
            text=f"{actor.name} handed {seen.company.name} over to {person.name}, who is now "
            f"its owner; {actor.name} is admin.",
        )
        commit_change(
            uow, actor, "company.handed_over", now=now, company_id=seen.id, to=person.name
        )
    return HandedOver(seen.company.name, person.name)
