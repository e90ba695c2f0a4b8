"""Save the card a person set up (or the one Stripe now has) as the company's default for
off-session charges."""

from datetime import datetime

from sqlmodel import Session

from commands.system_audit import audit_company
from payments.gateway import Card
from storage.customers import company_by_customer
from storage.locks import lock_company
from storage.tables import Company, id_of


def remember_card(
    session: Session, customer_id: str, card: Card | None, *, now: datetime, source: str
) -> Company | None:
    """Store the customer's current default card on its company (None: no card any more)."""
    company = company_by_customer(session, customer_id)
    if company is None:
        return None
    lock_company(session, id_of(company))
    session.refresh(company)
    before = (company.card_brand, company.card_last4, company.card_expires)
    company.card_brand = card.brand if card else None
    company.card_last4 = card.last4 if card else None
    company.card_expires = card.expires if card else None
    company.billing_mode = "stripe"
    if before != (company.card_brand, company.card_last4, company.card_expires):
        audit_company(
            session,
            company,
            "company.card_saved" if card else "company.card_removed",
            now,
            card=f"{card.brand} {card.last4}" if card else None,
            source=source,
        )
    return company
