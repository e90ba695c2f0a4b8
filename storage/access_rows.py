"""A company's access rows: the one a person or a team holds directly, and who holds what."""

from collections.abc import Collection

from sqlmodel import Session, col, select

from storage.tables import Access, Person, Team, TeamMember


def access_row(
    session: Session, company_id: int, *, person_id: int | None = None, team_id: int | None = None
) -> Access | None:
    """The direct access row of a team (given `team_id`), else of a person, in one company."""
    query = select(Access).where(Access.company_id == company_id)
    if team_id is not None:
        return session.exec(query.where(Access.team_id == team_id)).first()
    return session.exec(query.where(Access.person_id == person_id)).first()


def person_names(session: Session, ids: Collection[int]) -> dict[int, str]:
    query = select(Person.id, Person.name).where(col(Person.id).in_(list(ids)))
    return {key: name for key, name in session.exec(query) if key is not None}


def company_teams(session: Session, company_id: int) -> list[tuple[int, str, str]]:
    """(team id, team name, role) of every team holding a role in the company, by name."""
    query = (
        select(Team.id, Team.name, Access.role)
        .join(Access, col(Access.team_id) == Team.id)
        .where(Access.company_id == company_id)
        .order_by(Team.slug)
    )
    return [(key, name, role) for key, name, role in session.exec(query) if key is not None]


def unlimited_teams_of_members(session: Session, team_ids: list[int]) -> dict[int, list[str]]:
    """person id -> the names of those teams the person is an unlimited member of."""
    query = (
        select(TeamMember.person_id, Team.name)
        .join(Team, col(Team.id) == TeamMember.team_id)
        .where(col(TeamMember.team_id).in_(team_ids), TeamMember.access == "unlimited")
    )
    grouped: dict[int, list[str]] = {}
    for person_id, team_name in session.exec(query):
        grouped.setdefault(person_id, []).append(team_name)
    return grouped
