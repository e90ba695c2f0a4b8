"""A month's statements written final in bulk when it closes: the statements, their lines and
their audit events, in a few inserts."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session

from billing.statement import StatementDraft
from storage.bulk import insert_rows, insert_with_ids
from storage.tables import AuditEvent, Company, Statement, StatementLine, id_of


def write_final(
    session: Session,
    drafts: Sequence[StatementDraft],
    *,
    charge_on: date,
    due_on: date,
    first_try: dict[int, datetime | None],
    numbers: dict[int, str],
    now: datetime,
) -> None:
    """One finalized statement per draft, with its lines; `first_try`: company id -> when its
    card is first charged (None: not charged by card); `numbers`: company id -> its number."""
    ids = insert_with_ids(
        session,
        Statement,
        [
            {
                "company_id": draft.company_id,
                "period": str(draft.month),
                "currency": draft.currency,
                "total_minor": draft.total_minor,
                "status": "finalized",
                "finalized_at": now,
                "number": numbers[draft.company_id],
                "charge_on": charge_on,
                "due_on": due_on,
                "charge_attempts": 0,
                "next_charge_at": first_try[draft.company_id],
            }
            for draft in drafts
        ],
    )
    insert_rows(
        session,
        StatementLine,
        [
            {
                "statement_id": statement_id,
                "position": n,
                "kind": line.kind,
                "app_name": line.app,
                "description": line.description,
                "first_day": line.first_day,
                "last_day": line.last_day,
                "days": line.days,
                "quantity": line.quantity,
                "amount_minor": line.amount_minor,
            }
            for statement_id, draft in zip(ids, drafts, strict=True)
            for n, line in enumerate(draft.lines)
        ],
    )


def record_finalized(
    session: Session,
    companies: Sequence[Company],
    drafts: dict[int, StatementDraft],
    numbers: dict[int, str],
    now: datetime,
) -> None:
    """The `statement.finalized` audit event of each company's new statement."""
    insert_rows(
        session,
        AuditEvent,
        [
            {
                "workspace_id": c.workspace_id,
                "company_id": c.id,
                "actor_id": None,
                "action": "statement.finalized",
                "created_at": now,
                "detail": {
                    "period": str(drafts[id_of(c)].month),
                    "number": numbers[id_of(c)],
                    "total_minor": drafts[id_of(c)].total_minor,
                    "currency": drafts[id_of(c)].currency,
                },
            }
            for c in companies
        ],
    )
