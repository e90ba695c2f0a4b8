"""Notifications, written to the outbox in the same transaction as their cause: one row per
recipient (a channel, a person's DM, or an e-mail address), each with a unique key, all sharing
the cause's key so the same cause never writes them twice."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from billing.roles import PERMISSIONS, Action
from storage.bulk import insert_rows
from storage.roles import effective_roles
from storage.tables import Company, Outbox, Person, id_of


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
    """A direct message to each person with a Slack id, an e-mail to each with only an address."""
    if _written(session, key):
        return
    rows = session.exec(select(Person).where(col(Person.id).in_(sorted(set(people))))).all()
    _write(
        session,
        workspace_id=workspace_id,
        cause=key,
        kind="message",
        company_id=company_id,
        recipients=_recipients(rows),
        payload={"text": text, "buttons": buttons or [], "subject": subject or _subject(text)},
        due=due or now,
        now=now,
    )


def notify_company(
    session: Session,
    company: Company,
    *,
    kind: str,
    cause: str,
    text: str,
    now: datetime,
    due: datetime | None = None,
    buttons: list[dict[str, str]] | None = None,
    facts: dict[str, Any] | None = None,
) -> bool:
    """To the company's linked channel, or else by DM to its owners, admins and billing people
    (found when it is sent). False when this cause was already written."""
    if _written(session, cause):
        return False
    _write(
        session,
        workspace_id=company.workspace_id,
        cause=cause,
        kind=kind,
        company_id=id_of(company),
        recipients=[(company.channel_id, None)],  # no channel: delivery finds the people
        payload={
            "text": text,
            "buttons": buttons or [],
            "subject": _subject(text),
            **(facts or {}),
        },
        due=due or now,
        now=now,
    )
    return True


def company_recipients(session: Session, company: Company) -> list[tuple[str | None, str | None]]:
    """Where a company's notices go now: its channel, or its owners, admins and billing."""
    if company.channel_id:
        return [(company.channel_id, None)]
    return _recipients(reminded_people(session, id_of(company)))


def reminded_people(session: Session, company_id: int) -> list[Person]:
    allowed = PERMISSIONS[Action.RECEIVE_REMINDERS]
    ids = [p for p, role in effective_roles(session, company_id).items() if role in allowed]
    if not ids:
        return []
    return list(session.exec(select(Person).where(col(Person.id).in_(sorted(ids)))).all())


def written_causes(session: Session, causes: Iterable[str]) -> set[str]:
    wanted = sorted(set(causes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found |= set(session.exec(select(Outbox.cause).where(col(Outbox.cause).in_(chunk))))
    return found


def _written(session: Session, cause: str) -> bool:
    return session.exec(select(Outbox.id).where(Outbox.cause == cause)).first() is not None


def _recipients(people: Iterable[Person]) -> list[tuple[str | None, str | None]]:
    found: list[tuple[str | None, str | None]] = []
    for person in sorted(people, key=lambda p: id_of(p)):
        if person.slack_user_id:
            found.append((person.slack_user_id, None))
        elif person.email:
            found.append((None, person.email))
    return found


def _write(
    session: Session,
    *,
    workspace_id: int,
    cause: str,
    kind: str,
    company_id: int | None,
    recipients: list[tuple[str | None, str | None]],
    payload: dict[str, Any],
    due: datetime,
    now: datetime,
) -> None:
    single = len(recipients) == 1
    session.flush()
    insert_rows(
        session,
        Outbox,
        [
            {
                "workspace_id": workspace_id,
                "key": cause if single else f"{cause}>{channel or email}",
                "cause": cause,
                "kind": kind,
                "company_id": company_id,
                "channel": channel,
                "email": email,
                "payload": payload,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": due,
                "created_at": now,
            }
            for channel, email in recipients
        ],
    )


def _subject(text: str) -> str:
    return text.split("\n", 1)[0][:120]
