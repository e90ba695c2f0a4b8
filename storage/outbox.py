"""The outbox as a work queue: claim due rows (FOR UPDATE SKIP LOCKED on PostgreSQL, so
replicas never take the same row), and record what became of them, many rows per transaction."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from storage.bulk import insert_rows
from storage.notices import company_recipients, notify
from storage.tables import Company, Operator, Outbox, id_of
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


def expand(uow: UnitOfWork, row: Claimed, *, now: datetime) -> int:
    """A company notice without a channel becomes one row per person to tell, found now."""
    with uow:
        session = uow.session
        company = session.get(Company, row.company_id)
        recipients = company_recipients(session, company) if company else []
        insert_rows(
            session,
            Outbox,
            [
                {
                    "workspace_id": row.workspace_id,
                    "key": f"{row.key}>{channel or email}",
                    "cause": row.key,
                    "kind": row.kind,
                    "company_id": row.company_id,
                    "channel": channel,
                    "email": email,
                    "payload": row.payload,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": row.created_at,
                }
                for channel, email in recipients
            ],
        )
        status, error = (
            ("expanded", None)
            if recipients
            else ("failed", "nobody to tell: no linked channel and no owner, admin or billing")
        )
        session.connection().execute(
            update(Outbox)
            .where(col(Outbox.id) == row.id)
            .values(status=status, error=error, sent_at=now)
        )
        uow.commit()
    return len(recipients)


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
            _tell_operators(uow.session, given_up, now=given_up[0].at)
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


def _tell_operators(session: Session, failed: Sequence[Outcome], *, now: datetime) -> None:
    """A channel message that can never go out (channel gone, bot removed) is told to the
    workspace's operators, once per row, so someone links another channel."""
    rows = session.exec(select(Outbox).where(col(Outbox.id).in_([o.id for o in failed]))).all()
    why = {o.id: o.error or "unknown error" for o in failed}
    for row in rows:
        if row.kind in ("message", "delivery_failed") or not row.channel:
            continue
        company = session.get(Company, row.company_id) if row.company_id else None
        operators = session.exec(
            select(Operator.person_id).where(Operator.workspace_id == row.workspace_id)
        ).all()
        where = f"<#{row.channel}>" if row.channel[0] in "CG" else "a direct message"
        notify(
            session,
            workspace_id=row.workspace_id,
            key=f"delivery_failed:{row.id}",
            people=list(operators),
            text=(
                f"billbot could not post a {row.kind.replace('_', ' ')} message"
                f"{f' for {company.name}' if company else ''} to {where}: {why[id_of(row)]}. "
                "Link a channel billbot is in with `/billing channel link`, or unlink it to "
                "send these by direct message."
            ),
            now=now,
            company_id=row.company_id,
        )
