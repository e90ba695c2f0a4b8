"""Who holds which role in a company, strongest first, and how they hold it."""

from dataclasses import dataclass

from sqlmodel import Session

from billing.roles import ROLES
from commands.actor import Actor
from commands.resolve import visible_company
from storage.access_rows import company_teams, person_names, unlimited_teams_of_members
from storage.roles import direct_roles, effective_roles, team_roles
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShowAccess:
    company: str


@dataclass(frozen=True)
class AccessView:
    company: str
    people: list[tuple[str, str, str]]  # (name, effective role, how: direct or team names)
    teams: list[tuple[str, str]]  # (team name, role)


def list_access(uow: UnitOfWork, *, actor: Actor, company: str) -> AccessView:
    with uow.read():
        seen = visible_company(uow, actor, company)
        return access_view(uow.session, seen.id, seen.company.name)


def access_view(session: Session, company_id: int, company_name: str) -> AccessView:
    """Everyone holding a role in the company, strongest first, and how they hold it."""
    roles = effective_roles(session, company_id)
    direct, via = direct_roles(session, company_id), team_roles(session, company_id)
    names = person_names(session, list(roles))
    teams = company_teams(session, company_id)
    teams_of = unlimited_teams_of_members(session, [key for key, _, _ in teams])
    people = []
    for person_id, role in roles.items():
        how = ["direct"] if person_id in direct else []
        how += [f"team {team}" for team in teams_of.get(person_id, [])] if person_id in via else []
        people.append((names.get(person_id, "?"), role, ", ".join(how)))
    people.sort(key=lambda p: (ROLES.index(p[1]), p[0]))
    return AccessView(company_name, people, [(name, role) for _, name, role in teams])
