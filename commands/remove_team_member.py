"""Taking a person out of a team."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import NotFound
from billing.refs import PersonRef
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import person_referred, team_named
from commands.team_guards import require_developer, require_owners_remain
from storage.tables import id_of
from storage.team_queries import membership
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RemoveTeamMember:
    team: str
    person: PersonRef


@dataclass(frozen=True)
class TeamMemberRemoved:
    person: str
    team: str


def remove_team_member(
    uow: UnitOfWork, *, actor: Actor, team: str, person: PersonRef, now: datetime
) -> TeamMemberRemoved:
    require_developer(actor)
    with uow:
        row = team_named(uow, actor, team)
        member = person_referred(uow, actor, person, now)
        existing = membership(uow.session, id_of(row), id_of(member))
        if existing is None:
            raise NotFound(f"{member.name} is not a member of {row.name}.")
        uow.session.delete(existing)
        uow.session.flush()
        require_owners_remain(uow, row)
        commit_change(uow, actor, "team.member_removed", now=now, team=row.name, person=member.name)
    return TeamMemberRemoved(member.name, row.name)
