"""Real Stripe objects (stripe/stripe-mock embedded/openapi/fixtures3.json, the fixtures Stripe
publishes with its OpenAPI spec and stripe-mock serves), each sent as the `data.object` of an
event of a type Stripe sends for it, in Stripe's event envelope (id, object "event",
api_version, created, data, livemode, pending_webhooks, request, type). None of them is
billbot's: their customers are not billbot's, or they carry none."""

import json
from pathlib import Path
from typing import NamedTuple

OBJECTS = json.loads(Path(__file__).with_name("stripe_objects.json").read_text())
SOURCE = "stripe/stripe-mock embedded/openapi/fixtures3.json resources."


class Event(NamedTuple):
    source: str
    kind: str
    body: dict


def _event(kind: str, resource: str, number: int, **data: object) -> Event:
    body = {
        "id": f"evt_1OLEcorpus{number:04d}",
        "object": "event",
        "api_version": "2023-10-16",
        "created": 1234567890,
        "data": {"object": OBJECTS[resource], **data},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": kind,
    }
    return Event(SOURCE + resource, kind, body)


EVENTS = [
    _event("account.updated", "account", 1, previous_attributes={"charges_enabled": True}),
    _event("account.external_account.created", "bank_account", 2),
    _event("application_fee.created", "application_fee", 3),
    _event("balance.available", "balance", 4),
    _event("billing_portal.configuration.created", "billing_portal.configuration", 5),
    _event("billing_portal.session.created", "billing_portal.session", 6),
    _event("capability.updated", "capability", 7),
    _event("customer.source.created", "card", 8),
    _event("cash_balance.funds_available", "cash_balance", 9),
    _event("charge.succeeded", "charge", 10),
    _event("charge.captured", "charge", 11),
    _event("charge.updated", "charge", 12, previous_attributes={"description": None}),
    _event("checkout.session.completed", "checkout.session", 13),
    _event("checkout.session.expired", "checkout.session", 14),
    _event("climate.order.created", "climate.order", 15),
    _event("customer.bank_account.created", "bank_account", 16),
]
