"""What the scheduled sweeps read across workspaces: every company, each workspace's
operators, invitations that ran out."""

from datetime import datetime

from sqlmodel import Session, col, select

from storage.tables import Company, Invitation, Operator


def every_company(session: Session, *, by_workspace: bool = False) -> list[Company]:
    """All companies by id (or by workspace, then id)."""
    order = (col(Company.workspace_id), col(Company.id)) if by_workspace else (col(Company.id),)
    return list(session.exec(select(Company).order_by(*order)).all())


def operator_ids(session: Session, workspace_id: int) -> list[int]:
    query = select(Operator.person_id).where(Operator.workspace_id == workspace_id)
    return list(session.exec(query).all())


def expired_invitations(session: Session, now: datetime) -> list[Invitation]:
    """Invitations still pending at or after their expiry."""
    query = select(Invitation).where(
        Invitation.status == "pending", col(Invitation.expires_at) <= now
    )
    return list(session.exec(query).all())
