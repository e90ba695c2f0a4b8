"""Cards: the link to add or update one (only for roles allowed to pay), and saving the card a
person set up, as the company's default for off-session charges."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from billing.errors import Invalid
from billing.roles import Action, require
from commands.actor import Actor
from commands.resolve import visible_company
from payments.gateway import Card, Gateway
from storage.audit import record_event
from storage.locks import lock_company
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PayLink:
    company: str
    url: str
    kind: str  # portal | setup
    card: str | None  # "Visa ending 4242"


def pay_link(
    uow: UnitOfWork, gateway: Gateway, *, actor: Actor, company: str, public_url: str
) -> PayLink:
    """The Stripe customer portal when a card is saved, else a Checkout page to add one."""
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.UPDATE_PAYMENT, seen.company.name)
        row = seen.company
        if row.billing_mode != "stripe" or gateway.mode != "stripe":
            raise Invalid(
                f"{row.name} is billed by hand: pay the statement as invoiced; an operator "
                "records it with `/billing mark-paid`."
            )
        customer_id, name = row.stripe_customer_id, row.name
        card = card_label(row)
    customer_id = customer_id or ensure_customer(uow, gateway, id_of(seen.company))
    back = public_url.rstrip("/") + "/cards/done"
    if card:
        url = gateway.portal_link(customer_id=customer_id, return_url=back)
        return PayLink(name, url, "portal", card)
    return PayLink(name, card_link(uow, gateway, id_of(seen.company), public_url), "setup", None)


def card_link(uow: UnitOfWork, gateway: Gateway, company_id: int, public_url: str) -> str:
    """A Stripe Checkout page (setup mode) that saves a card for the company."""
    customer_id = ensure_customer(uow, gateway, company_id)
    back = public_url.rstrip("/") + "/cards/done"
    return gateway.setup_link(customer_id=customer_id, success_url=back, cancel_url=back)


def ensure_customer(uow: UnitOfWork, gateway: Gateway, company_id: int) -> str:
    """One Stripe customer per company, made on first need (its idempotency key is the
    company's, so two at once still make one)."""
    with uow:
        row = uow.session.get(Company, company_id)
        assert row is not None
        if row.stripe_customer_id:
            return row.stripe_customer_id
        name, email = row.name, row.invoice_email
    customer_id = gateway.create_customer(company_id=company_id, name=name, email=email)
    with uow:
        lock_company(uow.session, company_id)
        row = uow.session.get(Company, company_id)
        assert row is not None
        uow.session.refresh(row)
        if row.stripe_customer_id is None:
            row.stripe_customer_id = customer_id
        customer_id = row.stripe_customer_id
        uow.commit()
    return customer_id


def remember_card(
    session: Session, customer_id: str, card: Card | None, *, now: datetime, source: str
) -> Company | None:
    """Store the customer's current default card on its company (None: no card any more)."""
    company = session.exec(select(Company).where(Company.stripe_customer_id == customer_id)).first()
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
        record_event(
            session,
            workspace_id=company.workspace_id,
            company_id=company.id,
            actor_id=None,
            action="company.card_saved" if card else "company.card_removed",
            now=now,
            card=f"{card.brand} {card.last4}" if card else None,
            source=source,
        )
    return company


def card_label(company: Company) -> str | None:
    """The card on file as people say it ("Visa ending 4242"); None without one."""
    if not company.card_last4:
        return None
    return f"{(company.card_brand or 'card').title()} ending {company.card_last4}"
