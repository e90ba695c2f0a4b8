"""Messages to people, written to the outbox in the same transaction as their cause."""

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.tables import Outbox, Person


def notify(
    session: Session,
    *,
    workspace_id: int,
    key: str,
    people: list[int],
    text: str,
    now: datetime,
    company_id: int | None = None,
    buttons: list[dict[str, str]] | None = None,
    subject: str | None = None,
    due: datetime | None = None,
) -> None:
    """A direct message to each person with a Slack id, an e-mail to each with only an address.
    `key` makes the notice single: the same cause never writes it twice."""
    if session.exec(select(Outbox.id).where(Outbox.key == key)).first() is not None:
        return
    rows = session.exec(select(Person).where(col(Person.id).in_(sorted(set(people))))).all()
    payload: dict[str, Any] = {
        "user_ids": [p.slack_user_id for p in rows if p.slack_user_id],
        "emails": [p.email for p in rows if not p.slack_user_id and p.email],
        "text": text,
        "buttons": buttons or [],
        "subject": subject or text.split("\n", 1)[0][:120],
    }
    session.add(
        Outbox(
            workspace_id=workspace_id,
            key=key,
            kind="message",
            company_id=company_id,
            payload=payload,
            next_attempt_at=due or now,
            created_at=now,
        )
    )
