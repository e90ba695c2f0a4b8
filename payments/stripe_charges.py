"""Stripe charges: an off-session PaymentIntent carrying its statement's key in its metadata,
and what Stripe's intents say about a statement's charges."""

from typing import Any

import stripe
from stripe.params import PaymentIntentCreateParams

from payments.gateway import KEY, NUMBER, Charge, ChargeOrder, Unavailable


def charge_card(
    client: stripe.StripeClient, order: ChargeOrder, attempt: int, method_id: str
) -> Charge:
    """One try on the card; the idempotency key is the statement's and the try's."""
    params: PaymentIntentCreateParams = {
        "amount": order.amount_minor,
        "currency": order.currency.lower(),
        "customer": order.customer_id,
        "payment_method": method_id,
        "off_session": True,
        "confirm": True,
        # (the description goes in metadata: localstripe refuses `description` here)
        "metadata": {
            KEY: order.key,
            NUMBER: order.number,
            "billbot_attempt": str(attempt),
            "billbot_description": order.description[:500],
        },
    }
    try:
        intent = client.v1.payment_intents.create(
            params, options={"idempotency_key": f"charge:{order.key}:{attempt}"}
        )
    except stripe.CardError as error:
        found: Any = (error.error.payment_intent if error.error else None) or {}
        intent_id = found.get("id", "") if isinstance(found, dict) else ""
        return Charge(str(intent_id), "failed", order.key, _decline(error))
    except stripe.StripeError as error:
        raise Unavailable(f"Stripe did not take the charge: {error.user_message}") from error
    return charge_of(intent.to_dict())


def best_charge(intents: list[dict[str, Any]], key: str) -> Charge | None:
    """Of a customer's intents, the best one for the statement `key`: succeeded, else pending,
    else the last failure."""
    mine = [
        charge_of(intent) for intent in intents if (intent.get("metadata") or {}).get(KEY) == key
    ]
    for status in ("succeeded", "processing", "failed"):
        for charge in mine:
            if charge.status == status:
                return charge
    return None


def charge_of(intent: dict[str, Any]) -> Charge:
    status = {"succeeded": "succeeded", "processing": "processing"}.get(
        str(intent.get("status")), "failed"
    )
    error = (intent.get("last_payment_error") or {}).get("message")
    if status == "failed" and not error:
        error = str(intent.get("status", "not confirmed")).replace("_", " ")
    return Charge(
        str(intent.get("id", "")),
        status,
        (intent.get("metadata") or {}).get(KEY),
        error,
    )


def _decline(error: stripe.CardError) -> str:
    code = getattr(error, "code", None) or "card_declined"
    return f"{error.user_message or 'The card was declined'} ({code})"
