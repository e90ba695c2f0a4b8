"""Sending the outbox's messages to people: Slack DMs, or e-mail for people without Slack.
Each row is claimed (pending -> sending) before it is sent, so two senders never double it."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock
from sqlalchemy import ColumnElement, and_, update
from sqlmodel import col, select

from bot.blocks import escape, fallback_text
from bot.mailer import Mailer
from storage.tables import Outbox
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.delivery")
BATCH = 50
LEASE = timedelta(minutes=5)  # a claimed row is free again if its sender vanished this long
LEASE = timedelta(minutes=5)  # a claimed row is free again if its sender vanished this long


@dataclass(frozen=True)
class Direct:
    """One message for one person: by Slack id, or by e-mail."""

    text: str
    user_id: str | None = None
    email: str | None = None
    buttons: tuple[tuple[str, str, str], ...] = ()  # (label, action id, value)
    subject: str = "billbot"


def message_blocks(text: str, buttons: tuple[tuple[str, str, str], ...]) -> list[dict]:
    blocks = [SectionBlock(text=MarkdownTextObject(text=escape(text)[:2900])).to_dict()]
    if buttons:
        elements = [
            ButtonElement(
                text=label, action_id=action, value=value, style="primary" if n == 0 else None
            )
            for n, (label, action, value) in enumerate(buttons)
        ]
        blocks.append(ActionsBlock(elements=elements).to_dict())
    return blocks


def send(direct: Direct, client: WebClient, mailer: Mailer | None) -> str | None:
    """Send one message; the Slack ts when it went to Slack."""
    if direct.user_id:
        sent = client.chat_postMessage(
            channel=direct.user_id,
            text=fallback_text(direct.text),
            blocks=message_blocks(direct.text, direct.buttons),
        )
        return str(sent.get("ts"))
    if direct.email and mailer is not None:
        mailer.send(direct.email, direct.subject, direct.text)
    return None


def deliver_due(
    uow: UnitOfWork,
    *,
    workspace_id: int,
    client: WebClient,
    mailer: Mailer | None,
    now: datetime,
) -> int:
    """Send what is due for one workspace; a failure backs off and is retried later."""
    with uow:
        due = uow.session.exec(
            select(col(Outbox.id))
            .where(Outbox.workspace_id == workspace_id, Outbox.kind == "message", _claimable(now))
            .order_by(col(Outbox.id))
            .limit(BATCH)
        ).all()
    sent = 0
    for key in due:
        assert key is not None
        row = _claim(uow, key, now)
        if row is None:
            continue
        try:
            ts = _send_row(row.payload, client, mailer)
        except (SlackApiError, smtplib.SMTPException, OSError) as error:
            _failed(uow, key, row.attempts + 1, str(error)[:500], now)
            continue
        _finish(uow, key, now, ts)
        sent += 1
    return sent


def _send_row(payload: dict, client: WebClient, mailer: Mailer | None) -> str | None:
    buttons = tuple((b["text"], b["action_id"], b["value"]) for b in payload.get("buttons", []))
    ts = None
    for user_id in payload.get("user_ids", []):
        ts = send(Direct(payload["text"], user_id=user_id, buttons=buttons), client, mailer)
    for email in payload.get("emails", []):
        send(
            Direct(payload["text"], email=email, subject=payload.get("subject", "billbot")),
            client,
            mailer,
        )
    return ts


def _claimable(now: datetime) -> ColumnElement[bool]:
    """Due rows, and rows whose sender died mid-send (their lease ran out)."""
    return and_(col(Outbox.status).in_(("pending", "sending")), col(Outbox.next_attempt_at) <= now)


def _claim(uow: UnitOfWork, key: int, now: datetime) -> Outbox | None:
    """pending -> sending with a lease: exactly one sender gets the row."""
    with uow:
        claimed = (
            uow.session.connection()
            .execute(
                update(Outbox)
                .where(col(Outbox.id) == key, _claimable(now))
                .values(status="sending", next_attempt_at=now + LEASE)
            )
            .rowcount
        )
        row = uow.session.get(Outbox, key) if claimed == 1 else None
        uow.commit()
        return row


def _finish(uow: UnitOfWork, key: int, now: datetime, ts: str | None) -> None:
    with uow:
        uow.session.connection().execute(
            update(Outbox)
            .where(col(Outbox.id) == key)
            .values(status="sent", sent_at=now, slack_ts=ts)
        )
        uow.commit()


def _failed(uow: UnitOfWork, key: int, attempts: int, error: str, now: datetime) -> None:
    log.warning("message %s not sent (attempt %s): %s", key, attempts, error)
    with uow:
        uow.session.connection().execute(
            update(Outbox)
            .where(col(Outbox.id) == key)
            .values(
                status="pending" if attempts < 8 else "failed",
                attempts=attempts,
                error=error,
                next_attempt_at=now + timedelta(minutes=2**attempts),
            )
        )
        uow.commit()
