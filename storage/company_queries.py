"""Companies as lists show them: the first ones by name with their live apps, and counts."""

from typing import Any

from sqlalchemy import Select, and_, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from storage.tables import Access, App, Company, TeamMember


def has_apps(session: Session, company_id: int) -> bool:
    count = session.exec(select(func.count()).where(App.company_id == company_id)).one()
    return count > 0


def held_companies(person_id: int) -> Select[tuple[int]]:
    """Ids of the companies a person holds a role in, directly or through an unlimited team."""
    direct = select(Access.company_id).where(Access.person_id == person_id)
    via_teams = (
        select(Access.company_id)
        .join(TeamMember, col(TeamMember.team_id) == Access.team_id)
        .where(TeamMember.person_id == person_id, TeamMember.access == "unlimited")
    )
    return direct.union(via_teams)  # type: ignore[return-value]


def company_lines(
    session: Session, workspace_id: int, member_of: int | None, limit: int
) -> tuple[list[tuple[Any, str, int]], int]:
    """(id, name, live apps) of the first `limit` companies by name, and how many there are."""
    companies = select(Company.id).where(col(Company.workspace_id) == workspace_id)
    if member_of is not None:
        companies = companies.where(col(Company.id).in_(held_companies(member_of)))
    total = (
        session.connection()
        .execute(sa_select(func.count()).select_from(companies.subquery()))
        .scalar_one()
    )
    first = companies.order_by(col(Company.slug)).limit(limit).subquery()
    apps = func.count(col(App.id))
    query = (
        sa_select(col(Company.id), col(Company.name), apps)
        .join(first, first.c.id == Company.id)
        .outerjoin(App, and_(col(App.company_id) == Company.id, col(App.deleted_on).is_(None)))
        .group_by(col(Company.id), col(Company.name), col(Company.slug))
        .order_by(col(Company.slug))
    )
    rows = [(key, name, count) for key, name, count in session.connection().execute(query)]
    return rows, total
