"""Adding a person to a team, or changing their team access (unlimited or limited)."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import AlreadyExists, Invalid
from billing.refs import PersonRef
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import person_referred, team_named
from commands.team_guards import TEAM_ACCESS, require_developer, require_owners_remain
from storage.tables import TeamMember, id_of
from storage.team_queries import membership
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class AddTeamMember:
    team: str
    person: PersonRef
    access: str = "unlimited"


@dataclass(frozen=True)
class TeamMemberAdded:
    person: str
    access: str
    team: str


def add_team_member(
    uow: UnitOfWork,
    *,
    actor: Actor,
    team: str,
    person: PersonRef,
    now: datetime,
    access: str = "unlimited",
) -> TeamMemberAdded:
    require_developer(actor)
    if access not in TEAM_ACCESS:
        raise Invalid(f"“{access}” is not a team access (use unlimited or limited).")
    with uow:
        row = team_named(uow, actor, team)
        member = person_referred(uow, actor, person, now)
        existing = membership(uow.session, id_of(row), id_of(member))
        if existing is not None and existing.access == access:
            raise AlreadyExists(f"{member.name} is already an {access} member of {row.name}.")
        if existing is not None:
            existing.access = access
        else:
            uow.session.add(TeamMember(team_id=id_of(row), person_id=id_of(member), access=access))
        uow.session.flush()
        require_owners_remain(uow, row)
        commit_change(
            uow,
            actor,
            "team.member_added",
            now=now,
            team=row.name,
            person=member.name,
            access=access,
        )
    return TeamMemberAdded(member.name, access, row.name)
