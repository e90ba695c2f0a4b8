"""Who holds which role on a company, directly or through an unlimited team membership."""

from collections.abc import Iterable

from sqlmodel import Session, col, select

from billing.roles import effective_role
from storage.tables import Access, Company, Operator, TeamMember


def direct_roles(session: Session, company_id: int) -> dict[int, str]:
    query = select(Access.person_id, Access.role).where(
        Access.company_id == company_id, col(Access.person_id).is_not(None)
    )
    return {person_id: role for person_id, role in session.exec(query) if person_id is not None}


def team_roles(session: Session, company_id: int) -> dict[int, list[str]]:
    query = (
        select(TeamMember.person_id, Access.role)
        .join(Access, col(Access.team_id) == TeamMember.team_id)
        .where(Access.company_id == company_id, TeamMember.access == "unlimited")
    )
    held: dict[int, list[str]] = {}
    for person_id, role in session.exec(query):
        held.setdefault(person_id, []).append(role)
    return held


def effective_roles(session: Session, company_id: int) -> dict[int, str]:
    """person id -> strongest role, for everyone holding one."""
    direct = direct_roles(session, company_id)
    via_teams = team_roles(session, company_id)
    people = set(direct) | set(via_teams)
    roles = {p: effective_role(direct.get(p), via_teams.get(p, [])) for p in people}
    return {p: r for p, r in roles.items() if r is not None}


def role_of(session: Session, company_id: int, person_id: int) -> str | None:
    direct = session.exec(
        select(Access.role).where(Access.company_id == company_id, Access.person_id == person_id)
    ).first()
    via_teams = session.exec(
        select(Access.role)
        .join(TeamMember, col(TeamMember.team_id) == Access.team_id)
        .where(
            Access.company_id == company_id,
            TeamMember.person_id == person_id,
            TeamMember.access == "unlimited",
        )
    ).all()
    return effective_role(direct, via_teams)


def owners(session: Session, company_id: int) -> list[int]:
    """Ids of the people who own the company, directly or through a team."""
    return [p for p, role in effective_roles(session, company_id).items() if role == "owner"]


def companies_of(session: Session, person_id: int) -> dict[int, str]:
    """company id -> the person's effective role, for every company they hold one in."""
    direct = select(Access.company_id, Access.role).where(Access.person_id == person_id)
    via_teams = (
        select(Access.company_id, Access.role)
        .join(TeamMember, col(TeamMember.team_id) == Access.team_id)
        .where(TeamMember.person_id == person_id, TeamMember.access == "unlimited")
    )
    grouped: dict[int, list[str]] = {}
    for company_id, role in session.connection().execute(direct.union_all(via_teams)):
        grouped.setdefault(company_id, []).append(role)
    return {c: r for c, roles in grouped.items() if (r := effective_role(None, roles))}


def is_operator(session: Session, workspace_id: int, person_id: int) -> bool:
    query = select(Operator.id).where(
        Operator.workspace_id == workspace_id, Operator.person_id == person_id
    )
    return session.exec(query).first() is not None


def companies_in(session: Session, workspace_id: int, ids: Iterable[int] | None) -> list[Company]:
    query = select(Company).where(Company.workspace_id == workspace_id)
    if ids is not None:
        query = query.where(col(Company.id).in_(list(ids)))
    return list(session.exec(query.order_by(Company.slug)))
