"""A month's statement drafts for some companies: the live estimate and the month close share it."""

from collections.abc import Sequence

from sqlmodel import Session

from billing.periods import Month
from billing.statement import StatementDraft, build_statement
from storage.billing_facts import month_facts
from storage.corrections import pending_corrections
from storage.statements import carried_balances
from storage.tables import Company, id_of


def drafts_for(
    session: Session, workspace_id: int, companies: Sequence[Company], month: Month
) -> dict[int, StatementDraft]:
    """company id -> its draft (maybe without lines), read in a few set-based queries."""
    ids = [id_of(c) for c in companies]
    facts = month_facts(session, workspace_id, month, ids)
    carried = carried_balances(session, ids, month.previous())
    corrections = pending_corrections(session, ids, month)
    return {
        id_of(c): build_statement(
            company_id=id_of(c),
            currency=c.currency,
            month=month,
            apps=facts.get(id_of(c), []),
            carried_minor=carried.get(id_of(c), 0),
            carried_from=month.previous() if id_of(c) in carried else None,
            corrections=corrections.get(id_of(c), ()),
        )
        for c in companies
    }
