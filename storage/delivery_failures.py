"""Messages that can never go out, told to the workspace's operators."""

from datetime import datetime

from sqlmodel import Session, col, select

from storage.notices import notify
from storage.sweeps import operator_ids
from storage.tables import Company, Outbox, id_of


def tell_operators(session: Session, failed: dict[int, str], *, now: datetime) -> None:
    """A channel message that can never go out (channel gone, bot removed) is told to the
    workspace's operators, once per row, so someone links another channel. `failed`: outbox
    row id -> why."""
    rows = session.exec(select(Outbox).where(col(Outbox.id).in_(list(failed)))).all()
    for row in rows:
        if row.kind in ("message", "delivery_failed") or not row.channel:
            continue
        company = session.get(Company, row.company_id) if row.company_id else None
        where = f"<#{row.channel}>" if row.channel[0] in "CG" else "a direct message"
        notify(
            session,
            workspace_id=row.workspace_id,
            key=f"delivery_failed:{row.id}",
            people=operator_ids(session, row.workspace_id),
            text=(
                f"billbot could not post a {row.kind.replace('_', ' ')} message"
                f"{f' for {company.name}' if company else ''} to {where}: {failed[id_of(row)]}. "
                "Link a channel billbot is in with `/billing channel link`, or unlink it to "
                "send these by direct message."
            ),
            now=now,
            company_id=row.company_id,
        )
