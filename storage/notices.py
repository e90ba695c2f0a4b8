"""Notifications, written to the outbox in the same transaction as their cause: one row per
recipient (a channel, a person's DM, or an e-mail address), each with a unique key, all sharing
the cause's key so the same cause never writes them twice. A notice carries its facts (the
`notice` kind and JSON-safe values); the door puts them into words when it delivers them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.bulk import insert_rows
from storage.recipients import people_recipients
from storage.tables import Company, Outbox, Person, id_of


@dataclass(frozen=True)
class CompanyNotice:
    """One notice to a company: its kind, its cause's key, the facts its words need, and
    when it is due."""

    company: Company
    kind: str
    cause: str
    facts: dict[str, Any]
    due: datetime


def notify(
    session: Session,
    *,
    workspace_id: int,
    key: str,
    people: list[int],
    now: datetime,
    text: str | None = None,
    notice: str | None = None,
    facts: dict[str, Any] | None = None,
    company_id: int | None = None,
    buttons: list[dict[str, str]] | None = None,
    subject: str | None = None,
    due: datetime | None = None,
) -> None:
    """A direct message to each person with a Slack id, an e-mail to each with only an address:
    `text` (with `buttons`) as written, or else a `notice` of that kind with its `facts`."""
    if _written(session, key):
        return
    rows = session.exec(select(Person).where(col(Person.id).in_(sorted(set(people))))).all()
    payload = {"notice": notice, **(facts or {})}
    if text is not None:
        payload = {"text": text, "buttons": buttons or [], "subject": subject or text_subject(text)}
    recipients = people_recipients(rows)
    keys = [key] if len(recipients) == 1 else [f"{key}>{c or e}" for c, e in recipients]
    session.flush()
    insert_rows(
        session,
        Outbox,
        [
            pending_row(workspace_id, row_key, key, "message")
            | {"company_id": company_id, "channel": channel, "email": email}
            | {"payload": payload, "next_attempt_at": due or now, "created_at": now}
            for row_key, (channel, email) in zip(keys, recipients, strict=True)
        ],
    )


def notify_company(session: Session, notice: CompanyNotice, *, now: datetime) -> bool:
    """To the company's linked channel, or else by DM to its owners, admins and billing people
    (found when it is sent). False when this cause was already written."""
    if _written(session, notice.cause):
        return False
    session.flush()
    notify_companies(session, [notice], now=now)
    return True


def notify_companies(session: Session, notices: Sequence[CompanyNotice], *, now: datetime) -> None:
    """Many company notices in one insert, none written before (their causes are new)."""
    insert_rows(
        session,
        Outbox,
        [
            pending_row(n.company.workspace_id, n.cause, n.cause, n.kind)
            | {"company_id": id_of(n.company), "channel": n.company.channel_id}
            | {"payload": {"notice": n.kind, **n.facts}, "next_attempt_at": n.due}
            | {"created_at": now}
            for n in notices
        ],
    )


def written_causes(session: Session, causes: Iterable[str]) -> set[str]:
    wanted = sorted(set(causes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found |= set(session.exec(select(Outbox.cause).where(col(Outbox.cause).in_(chunk))))
    return found


def text_subject(text: str) -> str:
    """An e-mail's subject: the message's first line."""
    return text.split("\n", 1)[0][:120]


def pending_row(workspace_id: int, key: str, cause: str, kind: str) -> dict[str, Any]:
    """The columns every new outbox row starts with."""
    return {
        "workspace_id": workspace_id,
        "key": key,
        "cause": cause,
        "kind": kind,
        "status": "pending",
        "attempts": 0,
    }


def _written(session: Session, cause: str) -> bool:
    return session.exec(select(Outbox.id).where(Outbox.cause == cause)).first() is not None


@dataclass(frozen=True)
class CompanyMail:
    """One e-mail about a company to an address of its own (its invoice e-mail), keyed by its
    cause so the same cause never writes it twice."""

    company: Company
    address: str
    kind: str
    cause: str
    facts: dict[str, Any]
    due: datetime


def mail_companies(session: Session, mails: Sequence[CompanyMail], *, now: datetime) -> None:
    """Many company e-mails in one insert, none written before (their causes are new)."""
    insert_rows(
        session,
        Outbox,
        [
            pending_row(m.company.workspace_id, m.cause, m.cause, m.kind)
            | {"company_id": id_of(m.company), "channel": None, "email": m.address}
            | {"payload": {"notice": m.kind, **m.facts}, "next_attempt_at": m.due}
            | {"created_at": now}
            for m in mails
        ],
    )
