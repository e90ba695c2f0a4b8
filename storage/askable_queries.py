"""What an asker may ask about: the companies they hold a role in or that are linked to the
channel they ask in, those companies' live apps, and the price list's plan names."""

from sqlmodel import Session, col, or_, select

from storage.roles import companies_of
from storage.tables import App, Company, Plan


def askable_companies(
    session: Session, workspace_id: int, person_id: int | None, channel_id: str | None
) -> list[tuple[int, str, str | None]]:
    """(id, name, linked channel) by slug; `person_id` None: an operator, who may ask about all."""
    query = select(Company.id, Company.name, Company.channel_id).where(
        Company.workspace_id == workspace_id
    )
    if person_id is not None:
        mine = col(Company.id).in_(list(companies_of(session, person_id)))
        query = query.where(or_(mine, Company.channel_id == channel_id) if channel_id else mine)
    found = []
    for key, name, channel in session.exec(query.order_by(col(Company.slug))):
        assert key is not None
        found.append((key, name, channel))
    return found


def live_apps(session: Session, company_ids: list[int]) -> dict[str, int]:
    """app name -> company id, for the apps not deleted."""
    query = select(App.name, App.company_id).where(
        col(App.company_id).in_(company_ids), col(App.deleted_on).is_(None)
    )
    return dict(session.exec(query).all())


def plan_names(session: Session, workspace_id: int) -> list[str]:
    return list(session.exec(select(Plan.name).where(Plan.workspace_id == workspace_id)))
