"""The outbox as a work queue: claim due rows (FOR UPDATE SKIP LOCKED on PostgreSQL, so
replicas never take the same row), and record what became of them, many rows per transaction."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import col, select

from storage.delivery_failures import tell_operators
from storage.tables import Outbox
from storage.unit_of_work import UnitOfWork

LEASE = timedelta(minutes=5)  # a claimed row is free again if its sender vanished this long
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class Claimed:
    id: int
    workspace_id: int
    key: str
    kind: str
    company_id: int | None
    channel: str | None
    email: str | None
    payload: dict[str, Any]
    attempts: int
    created_at: datetime
    slack_ts: str | None
    resumed: bool  # its last sender vanished mid-send: it may have gone out already


@dataclass(frozen=True)
class Outcome:
    id: int
    status: str  # sent | retry | deferred | failed
    at: datetime  # sent_at, or when to try again
    slack_ts: str | None = None
    error: str | None = None
    attempts: int = 0
    maybe_posted: bool = False  # not sent now, but perhaps before: the next try looks first


def claim(uow: UnitOfWork, *, now: datetime, limit: int) -> list[Claimed]:
    """Take up to `limit` due rows, oldest first, for LEASE."""
    with uow:
        session = uow.session
        rows = session.exec(
            select(Outbox)
            .where(
                col(Outbox.status).in_(("pending", "sending")), col(Outbox.next_attempt_at) <= now
            )
            .order_by(col(Outbox.next_attempt_at), col(Outbox.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        claimed = [
            Claimed(
                id=row.id or 0,
                workspace_id=row.workspace_id,
                key=row.key,
                kind=row.kind,
                company_id=row.company_id,
                channel=row.channel,
                email=row.email,
                payload=dict(row.payload),
                attempts=row.attempts,
                created_at=row.created_at,
                slack_ts=row.slack_ts,
                resumed=row.status == "sending",
            )
            for row in rows
        ]
        if claimed:
            session.connection().execute(
                update(Outbox)
                .where(col(Outbox.id).in_([c.id for c in claimed]))
                .values(status="sending", next_attempt_at=now + LEASE)
            )
        uow.commit()
    return claimed


def record(uow: UnitOfWork, outcomes: Sequence[Outcome]) -> None:
    """Many outcomes in one transaction."""
    if not outcomes:
        return
    with uow:
        connection = uow.session.connection()
        sent = [o for o in outcomes if o.status == "sent"]
        if sent:
            connection.execute(
                update(Outbox)
                .where(col(Outbox.id) == bindparam("row"))
                .values(status="sent", sent_at=bindparam("at"), slack_ts=bindparam("ts")),
                [{"row": o.id, "at": o.at, "ts": o.slack_ts} for o in sent],
            )
        given_up = [o for o in outcomes if o.status == "failed"]
        if given_up:
            why = {o.id: o.error or "unknown error" for o in given_up}
            tell_operators(uow.session, why, now=given_up[0].at)
        later = [o for o in outcomes if o.status != "sent"]
        if later:
            connection.execute(
                update(Outbox)
                .where(col(Outbox.id) == bindparam("row"))
                .values(
                    status=bindparam("state"),
                    next_attempt_at=bindparam("at"),
                    attempts=bindparam("tries"),
                    error=bindparam("why"),
                    slack_ts=bindparam("ts"),
                ),
                [
                    {
                        "row": o.id,
                        "state": _state_after(o),
                        "at": o.at,
                        "tries": o.attempts,
                        "why": (o.error or "")[:500] or None,
                        "ts": o.slack_ts,
                    }
                    for o in later
                ],
            )
        uow.commit()


def _state_after(outcome: Outcome) -> str:
    """ "sending" keeps a row whose message may be in Slack already marked so (the next claim
    sees it as resumed and looks in the channel before posting)."""
    if outcome.status == "failed":
        return "failed"
    return "sending" if outcome.maybe_posted else "pending"


def remember_ts(uow: UnitOfWork, row_id: int, ts: str) -> None:
    """The message is in Slack: whatever follows (its chart) must not post it again."""
    with uow:
        uow.session.connection().execute(
            update(Outbox).where(col(Outbox.id) == row_id).values(slack_ts=ts)
        )
        uow.commit()
