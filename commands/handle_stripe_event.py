"""Handle a Stripe webhook event, once. Order is not guaranteed and events repeat, so
each handler re-reads the object from Stripe and sets the state it finds: any order of the same
events ends in the same place. Unknown types are acknowledged and ignored.

Whether an event is billbot's is decided from billbot's own records first (the Stripe account
may hold an agency's other customers too): an event for a customer or statement billbot does not
know is acknowledged without asking Stripe anything. When Stripe refuses a re-read (4xx: the
object is gone, or not this account's), asking again cannot help: the event is recorded with
that outcome. Network errors, 5xx and 429 raise Unavailable, so Stripe sends the event again."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from billing.refs import record_id
from commands.record_charge import record_charge
from commands.remember_card import remember_card
from payments.gateway import KEY, Gateway, Refused
from storage.customers import company_by_customer
from storage.seen_events import first_time, seen_before
from storage.statements import statement_of
from storage.unit_of_work import UnitOfWork

MAX_EVENT_ID = 128  # as stored (processed_event.event_id)
Handler = Callable[[UnitOfWork, Gateway, dict[str, Any], dict[str, Any], datetime], str]


def handle_event(uow: UnitOfWork, gateway: Gateway, event: dict[str, Any], *, now: datetime) -> str:
    """What was done, in a word or two (for the log); an error leaves the event unrecorded, so
    Stripe's retry gets another chance."""
    event_id = _text(event.get("id"))
    if not event_id or len(event_id) > MAX_EVENT_ID:
        return "not an event"
    if seen_before(uow, source="stripe", event_id=event_id):
        return "duplicate"
    handler = HANDLERS.get(str(event.get("type")))
    data = _mapping(event.get("data"))
    done = "ignored"
    if handler is not None and isinstance(data.get("object"), dict):
        previous = _mapping(data.get("previous_attributes"))
        try:
            done = handler(uow, gateway, data["object"], previous, now)
        except Refused as refused:  # permanent: a retry would be refused the same way
            done = f"Stripe refused the re-read (HTTP {refused.status})"
    first_time(uow, source="stripe", event_id=event_id, now=now)
    return done


def _text(value: object) -> str:
    """A field Stripe sends as a string; "" when it is anything else."""
    return value if isinstance(value, str) else ""


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _ours(uow: UnitOfWork, customer_id: str) -> bool:
    """A customer billbot made for one of its companies."""
    if not customer_id:
        return False
    with uow:
        return company_by_customer(uow.session, customer_id) is not None


def _payment(
    uow: UnitOfWork, gateway: Gateway, intent: dict[str, Any], _: dict[str, Any], now: datetime
) -> str:
    key = _text(_mapping(intent.get("metadata")).get(KEY))
    company, _colon, period = key.partition(":")
    company_id, intent_id = record_id(company), _text(intent.get("id"))
    if company_id is None or not period or not intent_id:
        return "not ours"
    with uow:
        statement = statement_of(uow.session, company_id, period)
        if statement is None:
            return "no such statement"
        customer = _text(intent.get("customer"))
        owner = company_by_customer(uow.session, customer) if customer else None
        if customer and (owner is None or owner.id != company_id):
            return "not ours"  # another customer's intent carrying a key like ours
        statement_id, tracked = statement.id, statement.payment_intent_id
    assert statement_id is not None
    charge = gateway.charge_status(intent_id)  # what is true now, whatever the order
    if charge.status == "succeeded":
        return record_charge(uow, statement_id, charge, now=now)
    if charge.status == "failed" and tracked == charge.intent_id:
        # A charge that was processing failed later; failures answered at once are
        # recorded by the charge itself.
        return record_charge(uow, statement_id, charge, now=now)
    return "no change"


def _checkout(
    uow: UnitOfWork, gateway: Gateway, session: dict[str, Any], _: dict[str, Any], now: datetime
) -> str:
    if session.get("mode") != "setup" or not _text(session.get("id")):
        return "ignored"
    if not _ours(uow, _text(session.get("customer"))):
        return "not ours"
    found = gateway.checkout_card(session["id"])
    return _save(uow, gateway, found, now, "checkout")


def _setup(
    uow: UnitOfWork, gateway: Gateway, intent: dict[str, Any], _: dict[str, Any], now: datetime
) -> str:
    if not _text(intent.get("id")):
        return "ignored"
    if not _ours(uow, _text(intent.get("customer"))):
        return "not ours"
    return _save(uow, gateway, gateway.setup_card(intent["id"]), now, "setup")


def _save(
    uow: UnitOfWork, gateway: Gateway, found: tuple[str, str] | None, now: datetime, source: str
) -> str:
    if found is None or not found[0]:
        return "not complete"
    customer_id, method_id = found
    card = gateway.save_card(customer_id=customer_id, payment_method_id=method_id)
    with uow:
        company = remember_card(uow.session, customer_id, card, now=now, source=source)
        uow.commit()
    return "card saved" if company else "unknown customer"


def _customer_card(
    uow: UnitOfWork,
    gateway: Gateway,
    obj: dict[str, Any],
    previous: dict[str, Any],
    now: datetime,
) -> str:
    """A card attached, detached, or the default changed: store what the customer has now."""
    customer_id = _text(obj.get("customer")) or _text(previous.get("customer"))
    if obj.get("object") == "customer":
        customer_id = _text(obj.get("id"))
    if not customer_id:
        return "no customer"
    if not _ours(uow, customer_id):
        return "not ours"
    card = gateway.default_card(customer_id)
    with uow:
        company = remember_card(uow.session, customer_id, card, now=now, source="stripe")
        uow.commit()
    return "card updated" if company else "unknown customer"


HANDLERS: dict[str, Handler] = {
    "payment_intent.succeeded": _payment,
    "payment_intent.payment_failed": _payment,
    "payment_intent.canceled": _payment,
    "checkout.session.completed": _checkout,
    "setup_intent.succeeded": _setup,
    "payment_method.attached": _customer_card,
    "payment_method.detached": _customer_card,
    "payment_method.updated": _customer_card,
    "customer.updated": _customer_card,
}
