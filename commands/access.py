"""Billing access: grant a role to a person or team, revoke it, list who holds what."""

from datetime import datetime

from sqlmodel import Session, col, select

from billing.errors import AlreadyExists, NotFound
from billing.refs import PersonRef, TeamRef
from billing.roles import (
    ROLES,
    check_role,
    require,
    require_an_owner_remains,
    require_can_assign,
    require_not_self,
    revoke_action,
)
from commands.actor import Actor
from commands.resolve import Seen, person_referred, team_named, visible_company
from commands.views import AccessView, Done
from storage.audit import record_event
from storage.locks import lock_company
from storage.notices import notify
from storage.roles import direct_roles, effective_roles, owner_count, team_roles
from storage.tables import Access, Person, Team, TeamMember
from storage.unit_of_work import UnitOfWork


def grant_access(
    uow: UnitOfWork,
    *,
    actor: Actor,
    subject: PersonRef | TeamRef,
    company: str,
    role: str,
    now: datetime,
) -> Done:
    role = check_role(role)
    with uow:
        seen = visible_company(uow, actor, company)
        lock_company(uow.session, seen.id)
        require_can_assign(seen.role, role, seen.company.name)
        row, label = _subject_access(uow, actor, seen, subject, now)
        if row is not None and row.role == role:
            raise AlreadyExists(f"{label} already has the {role} role in {seen.company.name}.")
        if row is not None:
            require(seen.role, revoke_action(row.role), seen.company.name)
            previous, row.role = row.role, role
            action = "access.changed"
        else:
            previous, row = None, _new_access(seen, subject, uow, actor, now, role)
            action = "access.granted"
        uow.session.add(row)
        uow.session.flush()
        _require_an_owner(uow, seen)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action=action,
            now=now,
            subject=label,
            role=role,
            previous=previous,
        )
        uow.commit()
    was = f" (was {previous})" if previous else ""
    return Done(f"{label} now has the {role} role in {seen.company.name}{was}.")


def revoke_access(
    uow: UnitOfWork, *, actor: Actor, subject: PersonRef | TeamRef, company: str, now: datetime
) -> Done:
    with uow:
        seen = visible_company(uow, actor, company)
        lock_company(uow.session, seen.id)
        row, label = _subject_access(uow, actor, seen, subject, now)
        if row is None:
            raise NotFound(f"{label} has no direct access to {seen.company.name}.")
        require(seen.role, revoke_action(row.role), seen.company.name)
        uow.session.delete(row)
        uow.session.flush()
        _require_an_owner(uow, seen)
        removed = [row.person_id] if row.person_id else []
        tell_removal(
            uow,
            seen,
            [*removed, actor.person_id],
            now,
            f"{actor.name} removed {label} ({row.role}) from {seen.company.name}.",
        )
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="access.revoked",
            now=now,
            subject=label,
            role=row.role,
        )
        uow.commit()
    return Done(f"{label} no longer has {row.role} access to {seen.company.name}.")


def tell_removal(uow: UnitOfWork, seen: Seen, people: list[int], now: datetime, text: str) -> None:
    """A leave or a dismissal reaches every owner, the remover and the removed."""
    owners = [p for p, r in effective_roles(uow.session, seen.id).items() if r == "owner"]
    notify(
        uow.session,
        workspace_id=seen.company.workspace_id,
        company_id=seen.id,
        key=f"removal:{seen.id}:{now.isoformat()}:{'-'.join(map(str, people))}",
        people=owners + people,
        text=text,
        now=now,
    )


def _subject_access(
    uow: UnitOfWork, actor: Actor, seen: Seen, subject: PersonRef | TeamRef, now: datetime
) -> tuple[Access | None, str]:
    query = select(Access).where(Access.company_id == seen.id)
    if isinstance(subject, TeamRef):
        team = team_named(uow, actor, subject.name)
        return uow.session.exec(query.where(Access.team_id == team.id)).first(), team.name
    person = person_referred(uow, actor, subject, now)
    require_not_self(actor.person_id, person.id)
    return uow.session.exec(query.where(Access.person_id == person.id)).first(), person.name


def _new_access(
    seen: Seen,
    subject: PersonRef | TeamRef,
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    role: str,
) -> Access:
    if isinstance(subject, TeamRef):
        team = team_named(uow, actor, subject.name)
        return Access(company_id=seen.id, team_id=team.id, role=role, created_at=now)
    person = person_referred(uow, actor, subject, now)
    return Access(company_id=seen.id, person_id=person.id, role=role, created_at=now)


def _require_an_owner(uow: UnitOfWork, seen: Seen) -> None:
    require_an_owner_remains(owner_count(effective_roles(uow.session, seen.id)), seen.company.name)


def list_access(uow: UnitOfWork, *, actor: Actor, company: str) -> AccessView:
    with uow:
        seen = visible_company(uow, actor, company)
        return access_view(uow.session, seen.id, seen.company.name)


def access_view(session: Session, company_id: int, company_name: str) -> AccessView:
    """Everyone holding a role in the company, strongest first, and how they hold it."""
    roles = effective_roles(session, company_id)
    direct, via = direct_roles(session, company_id), team_roles(session, company_id)
    names = dict(
        session.exec(select(Person.id, Person.name).where(col(Person.id).in_(list(roles)))).all()
    )
    teams = session.exec(
        select(Team.id, Team.name, Access.role)
        .join(Access, col(Access.team_id) == Team.id)
        .where(Access.company_id == company_id)
        .order_by(Team.slug)
    ).all()
    team_names_of = _team_names_by_member(session, [t[0] for t in teams if t[0] is not None])
    people = []
    for person_id, role in roles.items():
        how = ["direct"] if person_id in direct else []
        how += team_names_of.get(person_id, []) if person_id in via else []
        people.append((names.get(person_id, "?"), role, ", ".join(how)))
    people.sort(key=lambda p: (ROLES.index(p[1]), p[0]))
    return AccessView(company_name, people, [(name, role) for _, name, role in teams])


def _team_names_by_member(session: Session, team_ids: list[int]) -> dict[int, list[str]]:
    rows = session.exec(
        select(TeamMember.person_id, Team.name)
        .join(Team, col(Team.id) == TeamMember.team_id)
        .where(col(TeamMember.team_id).in_(team_ids), TeamMember.access == "unlimited")
    ).all()
    grouped: dict[int, list[str]] = {}
    for person_id, team_name in rows:
        grouped.setdefault(person_id, []).append(f"team {team_name}")
    return grouped
