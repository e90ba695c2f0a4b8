"""The link to add or update a company's card, only for roles allowed to pay: the Stripe
customer portal when a card is saved, else a Checkout page to add one."""

from collections.abc import Callable
from dataclasses import dataclass

from billing.errors import Invalid
from billing.roles import Action, require
from commands.actor import Actor
from commands.resolve import Seen, visible_company, visible_company_by_id
from commands.stripe_customer import card_link, cards_done_url, ensure_customer
from payments.gateway import Gateway
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Pay:
    company: str


@dataclass(frozen=True)
class PayLink:
    company: str
    url: str
    kind: str  # portal | setup
    card: str | None  # "Visa ending 4242"


def pay_link(
    uow: UnitOfWork, gateway: Gateway, *, actor: Actor, company: str, public_url: str
) -> PayLink:
    return _link(uow, gateway, lambda: visible_company(uow, actor, company), public_url)


def pay_link_by_id(
    uow: UnitOfWork, gateway: Gateway, *, actor: Actor, company_id: int, public_url: str
) -> PayLink:
    """The same, for the "Update card" button, which carries the company's id."""
    return _link(uow, gateway, lambda: visible_company_by_id(uow, actor, company_id), public_url)


def _link(uow: UnitOfWork, gateway: Gateway, find: Callable[[], Seen], public_url: str) -> PayLink:
    with uow.read():
        seen = find()
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
    if card:
        url = gateway.portal_link(customer_id=customer_id, return_url=cards_done_url(public_url))
        return PayLink(name, url, "portal", card)
    return PayLink(name, card_link(uow, gateway, id_of(seen.company), public_url), "setup", None)


def card_label(company: Company) -> str | None:
    """The card on file as people say it ("Visa ending 4242"); None without one."""
    if not company.card_last4:
        return None
    return f"{(company.card_brand or 'card').title()} ending {company.card_last4}"
