"""A finalized statement as its document says it: who bills whom, the number, the month, the
lines, the total, when it is charged and due, and how it is paid. The same facts travel in the
outbox as JSON (the e-mail of a closed month) and come from the database (a download)."""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from billing.errors import Invalid
from billing.periods import Month
from billing.statement import StatementDraft
from storage.statements import statement_lines, statement_of
from storage.tables import Company, Statement, Workspace, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StatementDocument:
    agency: str  # the workspace's name
    company: str  # the billing name
    company_id: int
    invoice_email: str | None
    number: str
    period: str  # YYYY-MM
    currency: str
    lines: tuple[tuple[str, int], ...]  # (description, amount in minor units)
    total_minor: int
    charge_on: date | None
    due_on: date | None
    status: str  # finalized | carried | paid | past_due | void
    by_card: bool  # charged to a saved card (Stripe mode), else billed by hand
    card_brand: str | None
    card_last4: str | None
    paid_on: date | None = None

    @property
    def month(self) -> Month:
        return Month.parse(self.period)

    def facts(self) -> dict[str, Any]:
        """JSON-safe, for the outbox."""
        out = asdict(self)
        out["lines"] = [list(line) for line in self.lines]
        for name in ("charge_on", "due_on", "paid_on"):
            out[name] = out[name].isoformat() if out[name] else None
        return out

    @classmethod
    def of_facts(cls, facts: dict[str, Any]) -> "StatementDocument":
        days = {
            name: date.fromisoformat(facts[name]) if facts.get(name) else None
            for name in ("charge_on", "due_on", "paid_on")
        }
        lines = tuple((str(text), int(amount)) for text, amount in facts["lines"])
        fields = {k: facts[k] for k in cls.__dataclass_fields__ if k in facts}
        return cls(**(fields | days | {"lines": lines}))


def document_of(
    session: Session,
    company: Company,
    statement: Statement,
    *,
    lines: tuple[tuple[str, int], ...] | None = None,
) -> StatementDocument:
    """The document of a finalized statement (`lines` when the caller has them already)."""
    if lines is None:
        lines = tuple(
            (line.description, line.amount_minor)
            for line in statement_lines(session, id_of(statement))
        )
    workspace = session.get(Workspace, company.workspace_id)
    return StatementDocument(
        agency=(workspace.name if workspace else "") or "billbot",
        company=company.name,
        company_id=id_of(company),
        invoice_email=company.invoice_email,
        number=statement.number or "",
        period=statement.period,
        currency=statement.currency,
        lines=lines,
        total_minor=statement.total_minor,
        charge_on=statement.charge_on,
        due_on=statement.due_on,
        status=statement.status,
        by_card=company.billing_mode == "stripe",
        card_brand=company.card_brand,
        card_last4=company.card_last4,
        paid_on=_day(statement.paid_at),
    )


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def draft_document(
    agency: str,
    company: Company,
    draft: StatementDraft,
    number: str,
    charge_on: date,
    due_on: date,
) -> StatementDocument:
    """The document of a statement being finalized now."""
    return StatementDocument(
        agency=agency or "billbot",
        company=company.name,
        company_id=id_of(company),
        invoice_email=company.invoice_email,
        number=number,
        period=str(draft.month),
        currency=draft.currency,
        lines=tuple((line.description, line.amount_minor) for line in draft.lines),
        total_minor=draft.total_minor,
        charge_on=charge_on,
        due_on=due_on,
        status="finalized",
        by_card=company.billing_mode == "stripe",
        card_brand=company.card_brand,
        card_last4=company.card_last4,
    )


def closed_document(session: Session, company: Company, month: Month) -> StatementDocument:
    """The document of a finalized month, or Invalid saying when there will be one."""
    stored = statement_of(session, id_of(company), str(month))
    if stored is None or not stored.number:
        raise Invalid(
            f"The {month} statement of {company.name} has no document yet: a statement gets its "
            "number and PDF when its month is closed."
        )
    return document_of(session, company, stored)


def find_document(uow: UnitOfWork, *, company_id: int, month: Month) -> StatementDocument | None:
    """The document of a company's finalized month, for a signed link (the link is the right to
    read it); None when there is none."""
    with uow:
        company = uow.session.get(Company, company_id)
        stored = statement_of(uow.session, company_id, str(month)) if company else None
        if company is None or stored is None or not stored.number:
            return None
        return document_of(uow.session, company, stored)
