"""A company's Stripe customer, made on first need, and the Checkout page that saves its card."""

from payments.gateway import Gateway
from storage.locks import lock_company
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


def card_link(uow: UnitOfWork, gateway: Gateway, company_id: int, public_url: str) -> str:
    """A Stripe Checkout page (setup mode) that saves a card for the company."""
    customer_id = ensure_customer(uow, gateway, company_id)
    back = cards_done_url(public_url)
    return gateway.setup_link(customer_id=customer_id, success_url=back, cancel_url=back)


def cards_done_url(public_url: str) -> str:
    """Where Stripe's pages send people back to."""
    return public_url.rstrip("/") + "/cards/done"


def ensure_customer(uow: UnitOfWork, gateway: Gateway, company_id: int) -> str:
    """One Stripe customer per company, made on first need (its idempotency key is the
    company's, so two at once still make one)."""
    with uow:
        row = _company(uow, company_id)
        if row.stripe_customer_id:
            return row.stripe_customer_id
        name, email = row.name, row.invoice_email
    customer_id = gateway.create_customer(company_id=company_id, name=name, email=email)
    with uow:
        lock_company(uow.session, company_id)
        row = _company(uow, company_id)
        uow.session.refresh(row)
        if row.stripe_customer_id is None:
            row.stripe_customer_id = customer_id
        customer_id = row.stripe_customer_id
        uow.commit()
    return customer_id


def _company(uow: UnitOfWork, company_id: int) -> Company:
    row = uow.session.get(Company, company_id)
    assert row is not None
    return row
