"""Teams and their members, as the team use cases read them."""

from sqlmodel import Session, col, select

from storage.tables import Access, Company, Person, Team, TeamMember


def membership(session: Session, team_id: int, person_id: int) -> TeamMember | None:
    query = select(TeamMember).where(
        TeamMember.team_id == team_id, TeamMember.person_id == person_id
    )
    return session.exec(query).first()


def workspace_teams(session: Session, workspace_id: int) -> list[Team]:
    query = select(Team).where(Team.workspace_id == workspace_id).order_by(Team.slug)
    return list(session.exec(query))


def members_of(session: Session, team_ids: list[int]) -> list[tuple[int, str, str]]:
    """(team id, person name, unlimited|limited) of the teams' members, by name."""
    query = (
        select(TeamMember.team_id, Person.name, TeamMember.access)
        .join(Person, col(Person.id) == TeamMember.person_id)
        .where(col(TeamMember.team_id).in_(team_ids))
        .order_by(Person.name_key)
    )
    return list(session.exec(query))


def companies_owned_by(session: Session, team_id: int) -> list[tuple[int, str]]:
    """(id, name) of the companies the team holds the owner role in."""
    query = (
        select(Company.id, Company.name)
        .join(Access, col(Access.company_id) == Company.id)
        .where(Access.team_id == team_id, Access.role == "owner")
    )
    return [(key, name) for key, name in session.exec(query) if key is not None]
