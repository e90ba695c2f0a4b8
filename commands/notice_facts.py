"""A notice about a company's month, as the outbox carries it: its cause (kind, company, month,
and a round where one month has several) and JSON-safe facts (days as ISO dates, money as
minor units and a currency); the door words it when it is delivered."""

from datetime import date, datetime
from typing import Any

from billing.periods import Month
from storage.notices import CompanyNotice
from storage.tables import Company, id_of


def notice_cause(kind: str, company_id: int, month: Month, round: int | None = None) -> str:
    return f"{kind}:{company_id}:{month}" + ("" if round is None else f":{round}")


def month_notice(
    kind: str,
    company: Company,
    month: Month,
    *,
    due: datetime,
    round: int | None = None,
    **facts: Any,
) -> CompanyNotice:
    """`facts`: what this kind of notice says beyond the company, its card and the month."""
    shared = {
        "company": company.name,
        "company_id": id_of(company),
        "period": str(month),
        "stripe": company.billing_mode == "stripe",
        "card_brand": company.card_brand,
        "card_last4": company.card_last4,
    }
    own = {k: v.isoformat() if isinstance(v, date) else v for k, v in facts.items()}
    cause = notice_cause(kind, id_of(company), month, round)
    return CompanyNotice(company, kind, cause, shared | own, due)
