"""The teams of a workspace and their members."""

from dataclasses import dataclass

from commands.actor import Actor
from commands.team_guards import require_developer
from storage.tables import id_of
from storage.team_queries import members_of, workspace_teams
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ListTeams:
    pass


@dataclass(frozen=True)
class TeamView:
    name: str
    members: list[tuple[str, str]]  # (person name, unlimited|limited)


@dataclass(frozen=True)
class TeamList:
    items: list[TeamView]


def list_teams(uow: UnitOfWork, *, actor: Actor) -> TeamList:
    require_developer(actor)
    with uow.read():
        teams = workspace_teams(uow.session, actor.workspace_id)
        grouped: dict[int, list[tuple[str, str]]] = {}
        for team_id, name, access in members_of(uow.session, [id_of(t) for t in teams]):
            grouped.setdefault(team_id, []).append((name, access))
        return TeamList([TeamView(t.name, grouped.get(id_of(t), [])) for t in teams])
