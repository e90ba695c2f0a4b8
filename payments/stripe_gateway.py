"""Stripe: one customer per company, cards saved through Checkout in setup mode, statements
charged off-session as PaymentIntents carrying the statement's key in their metadata, so a
charge made just before a crash is found again instead of made twice."""

import json
from typing import Any

import stripe

from payments.gateway import BadSignature, Charge, ChargeOrder
from payments.stripe_charges import best_charge, charge_card, charge_of
from payments.stripe_customers import StripeCustomers


class StripeGateway(StripeCustomers):
    mode = "stripe"

    def charge(self, order: ChargeOrder, *, attempt: int) -> Charge:
        """One off-session try on the customer's default card; the idempotency key is the
        statement's and the try's, so a retried request never charges twice."""
        method_id = self._default_method(order.customer_id)
        if method_id is None:
            return Charge("", "failed", order.key, "no card on file")
        return charge_card(self._client, order, attempt, method_id)

    def find_charge(self, *, customer_id: str, key: str) -> Charge | None:
        """The best charge already made for a statement: succeeded, else pending, else the
        last failure; None when there is none."""
        page = self._call(
            lambda: self._client.v1.payment_intents.list({"customer": customer_id, "limit": 100})
        )
        return best_charge([intent.to_dict() for intent in page.auto_paging_iter()], key)

    def charge_status(self, intent_id: str) -> Charge:
        intent = self._call(lambda: self._client.v1.payment_intents.retrieve(intent_id))
        return charge_of(intent.to_dict())

    def verify(self, body: bytes, signature: str | None) -> dict[str, Any]:
        """The event, if Stripe signed this very body within the last 5 minutes."""
        try:
            stripe.WebhookSignature.verify_header(
                body.decode("utf-8"), signature or "", self._secret, 300
            )
            event = json.loads(body)
        except (stripe.SignatureVerificationError, ValueError, RecursionError) as error:
            raise BadSignature(str(error)[:200]) from error
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise BadSignature("not an event")
        return event
