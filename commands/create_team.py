"""Starting a team, with its creator as an unlimited member."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import AlreadyExists
from billing.names import clean_name, slugify
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.team_guards import require_developer
from storage import lookups
from storage.tables import Team, TeamMember, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class NewTeam:
    name: str


@dataclass(frozen=True)
class TeamCreated:
    name: str


def create_team(uow: UnitOfWork, *, actor: Actor, name: str, now: datetime) -> TeamCreated:
    require_developer(actor)
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
        commit_change(uow, actor, "team.created", now=now, team=name)
    return TeamCreated(name)
