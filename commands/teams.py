"""Teams of one workspace: create, add and remove members, list."""

from datetime import datetime

from sqlmodel import col, select

from billing.errors import AlreadyExists, Invalid, NotAllowed, NotFound
from billing.names import clean_name, slugify
from billing.refs import PersonRef
from billing.roles import require_an_owner_remains
from commands.actor import Actor
from commands.resolve import person_referred, team_named
from commands.views import Done, TeamList, TeamView
from storage import lookups
from storage.audit import record_event
from storage.roles import effective_roles, owner_count
from storage.tables import Access, Company, Person, Team, TeamMember, id_of
from storage.unit_of_work import UnitOfWork

TEAM_ACCESS = ("unlimited", "limited")


def _require_developer(actor: Actor) -> None:
    if actor.account_type != "developer" and not actor.is_operator:
        raise NotAllowed("Only developers and operators manage teams.")


def create_team(uow: UnitOfWork, *, actor: Actor, name: str, now: datetime) -> Done:
    _require_developer(actor)
    name = clean_name(name, "team name")
    with uow:
        if lookups.team_by_name(uow.session, actor.workspace_id, name) is not None:
            raise AlreadyExists(f"A team called “{name}” already exists.")
        team = Team(workspace_id=actor.workspace_id, name=name, slug=slugify(name), created_at=now)
        uow.session.add(team)
        uow.session.flush()
        uow.session.add(
            TeamMember(team_id=id_of(team), person_id=actor.person_id, access="unlimited")
        )
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            action="team.created",
            now=now,
            team=name,
        )
        uow.commit()
    return Done(f"Created team {name}, with you as an unlimited member.")


def add_team_member(
    uow: UnitOfWork,
    *,
    actor: Actor,
    team: str,
    person: PersonRef,
    now: datetime,
    access: str = "unlimited",
) -> Done:
    _require_developer(actor)
    if access not in TEAM_ACCESS:
        raise Invalid(f"“{access}” is not a team access (use unlimited or limited).")
    with uow:
        row = team_named(uow, actor, team)
        member = person_referred(uow, actor, person, now)
        existing = _membership(uow, row, member)
        if existing is not None and existing.access == access:
            raise AlreadyExists(f"{member.name} is already an {access} member of {row.name}.")
        if existing is not None:
            existing.access = access
        else:
            uow.session.add(TeamMember(team_id=id_of(row), person_id=id_of(member), access=access))
        uow.session.flush()
        _require_owners_remain(uow, row)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            action="team.member_added",
            now=now,
            team=row.name,
            person=member.name,
            access=access,
        )
        uow.commit()
    return Done(f"{member.name} is now an {access} member of {row.name}.")


def remove_team_member(
    uow: UnitOfWork, *, actor: Actor, team: str, person: PersonRef, now: datetime
) -> Done:
    _require_developer(actor)
    with uow:
        row = team_named(uow, actor, team)
        member = person_referred(uow, actor, person, now)
        existing = _membership(uow, row, member)
        if existing is None:
            raise NotFound(f"{member.name} is not a member of {row.name}.")
        uow.session.delete(existing)
        uow.session.flush()
        _require_owners_remain(uow, row)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            action="team.member_removed",
            now=now,
            team=row.name,
            person=member.name,
        )
        uow.commit()
    return Done(f"Removed {member.name} from {row.name}.")


def _membership(uow: UnitOfWork, team: Team, person: Person) -> TeamMember | None:
    query = select(TeamMember).where(
        TeamMember.team_id == team.id, TeamMember.person_id == person.id
    )
    return uow.session.exec(query).first()


def _require_owners_remain(uow: UnitOfWork, team: Team) -> None:
    """A team holding ownership must not leave any of its companies without an owner."""
    owned = uow.session.exec(
        select(Company.id, Company.name)
        .join(Access, col(Access.company_id) == Company.id)
        .where(Access.team_id == team.id, Access.role == "owner")
    ).all()
    for company_id, company_name in owned:
        assert company_id is not None
        require_an_owner_remains(
            owner_count(effective_roles(uow.session, company_id)), company_name
        )


def list_teams(uow: UnitOfWork, *, actor: Actor) -> TeamList:
    _require_developer(actor)
    with uow:
        teams = uow.session.exec(
            select(Team).where(Team.workspace_id == actor.workspace_id).order_by(Team.slug)
        ).all()
        members = uow.session.exec(
            select(TeamMember.team_id, Person.name, TeamMember.access)
            .join(Person, col(Person.id) == TeamMember.person_id)
            .where(col(TeamMember.team_id).in_([t.id for t in teams]))
            .order_by(Person.name_key)
        ).all()
        grouped: dict[int, list[tuple[str, str]]] = {}
        for team_id, name, access in members:
            grouped.setdefault(team_id, []).append((name, access))
        return TeamList([TeamView(t.name, grouped.get(t.id or 0, [])) for t in teams])
