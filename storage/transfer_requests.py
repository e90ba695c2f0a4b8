"""Transfer requests: the one still open for an app and target, closing those of a moved app,
and the ones waiting for a person's answer."""

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.tables import TransferRequest


def open_request(
    session: Session, app_id: int, to_company_id: int, now: datetime
) -> TransferRequest | None:
    """The pending, unexpired request to move that app to that company, if one was filed."""
    query = select(TransferRequest).where(
        TransferRequest.app_id == app_id,
        TransferRequest.to_company_id == to_company_id,
        TransferRequest.status == "pending",
        col(TransferRequest.expires_at) > now,
    )
    return session.exec(query.order_by(col(TransferRequest.id).desc())).first()


def close_requests_of(session: Session, app_id: int, now: datetime) -> None:
    """An app that moved leaves no request to move it open: they become `moved`."""
    session.connection().execute(
        update(TransferRequest)
        .where(col(TransferRequest.app_id) == app_id, col(TransferRequest.status) == "pending")
        .values(status="moved", decided_at=now)
    )


def requests_to(session: Session, company_ids: list[int], now: datetime) -> list[TransferRequest]:
    """Pending, unexpired requests to move an app into one of those companies, oldest first."""
    query = select(TransferRequest).where(
        col(TransferRequest.to_company_id).in_(company_ids),
        TransferRequest.status == "pending",
        col(TransferRequest.expires_at) > now,
    )
    return list(session.exec(query.order_by(col(TransferRequest.id))).all())
