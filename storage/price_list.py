"""The operator's price list: a workspace's plans."""

from sqlmodel import Session, select

from storage.tables import Plan


def price_list(session: Session, workspace_id: int) -> list[Plan]:
    """The workspace's plans, by slug."""
    query = select(Plan).where(Plan.workspace_id == workspace_id).order_by(Plan.slug)
    return list(session.exec(query).all())
