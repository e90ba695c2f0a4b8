"""Stripe: one customer per company, cards saved through Checkout in setup mode, statements
charged off-session as PaymentIntents carrying the statement's key in their metadata, so a
charge made just before a crash is found again instead of made twice."""

import json
import logging
from typing import Any

import stripe
from stripe.params import CustomerCreateParams, PaymentIntentCreateParams
from stripe.params.checkout import SessionCreateParams

from payments.gateway import KEY, BadSignature, Card, Charge, ChargeOrder, Unavailable

log = logging.getLogger("billbot.stripe")


class StripeGateway:
    mode = "stripe"

    def __init__(
        self, api_key: str, *, api_base: str | None, webhook_secret: str, retries: int = 2
    ) -> None:
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_base} if api_base else {},
            max_network_retries=retries,
        )
        self._secret = webhook_secret

    # ------------------------------------------------------------------ customers and cards

    def create_customer(self, *, company_id: int, name: str, email: str | None) -> str:
        params: CustomerCreateParams = {
            "name": name,
            "metadata": {"billbot_company": str(company_id)},
        }
        if email:
            params["email"] = email
        customer = self._call(
            lambda: self._client.v1.customers.create(
                params, options={"idempotency_key": f"customer:{company_id}"}
            )
        )
        return str(customer.id)

    def setup_link(self, *, customer_id: str, success_url: str, cancel_url: str) -> str:
        params: SessionCreateParams = {
            "mode": "setup",
            "customer": customer_id,
            "currency": "usd",
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        session = self._call(lambda: self._client.v1.checkout.sessions.create(params))
        return str(session.url)

    def portal_link(self, *, customer_id: str, return_url: str) -> str:
        session = self._call(
            lambda: self._client.v1.billing_portal.sessions.create(
                {"customer": customer_id, "return_url": return_url}
            )
        )
        return str(session.url)

    def default_card(self, customer_id: str) -> Card | None:
        customer = self._call(lambda: self._client.v1.customers.retrieve(customer_id))
        settings = customer.to_dict().get("invoice_settings") or {}
        method = settings.get("default_payment_method")
        if not method:
            return None
        method_id = method if isinstance(method, str) else method.get("id")
        return self._card(str(method_id))

    def save_card(self, *, customer_id: str, payment_method_id: str) -> Card:
        """Attach the card (Checkout in setup mode leaves that to us here) and make it the
        customer's default."""
        method = self._call(lambda: self._client.v1.payment_methods.retrieve(payment_method_id))
        if method.to_dict().get("customer") != customer_id:
            self._call(
                lambda: self._client.v1.payment_methods.attach(
                    payment_method_id, {"customer": customer_id}
                )
            )
        self._call(
            lambda: self._client.v1.customers.update(
                customer_id, {"invoice_settings": {"default_payment_method": payment_method_id}}
            )
        )
        return self._card(payment_method_id)

    def checkout_card(self, session_id: str) -> tuple[str, str] | None:
        session = self._call(lambda: self._client.v1.checkout.sessions.retrieve(session_id))
        data = session.to_dict()
        setup = data.get("setup_intent")
        if data.get("status") != "complete" or not setup or not data.get("customer"):
            return None
        setup_id = setup if isinstance(setup, str) else setup["id"]
        found = self.setup_card(str(setup_id))
        return (str(data["customer"]), found[1]) if found else None

    def setup_card(self, setup_intent_id: str) -> tuple[str, str] | None:
        intent = self._call(lambda: self._client.v1.setup_intents.retrieve(setup_intent_id))
        data = intent.to_dict()
        if data.get("status") != "succeeded" or not data.get("payment_method"):
            return None
        method = data["payment_method"]
        method_id = method if isinstance(method, str) else method["id"]
        return (str(data.get("customer") or ""), str(method_id))

    def _card(self, payment_method_id: str) -> Card:
        method = self._call(lambda: self._client.v1.payment_methods.retrieve(payment_method_id))
        card = method.to_dict().get("card") or {}
        return Card(
            brand=str(card.get("brand", "card")),
            last4=str(card.get("last4", "????")),
            exp_month=int(card.get("exp_month", 12)),
            exp_year=int(card.get("exp_year", 2099)),
        )

    # ------------------------------------------------------------------ charges

    def charge(self, order: ChargeOrder, *, attempt: int) -> Charge:
        """One off-session try on the customer's default card; the idempotency key is the
        statement's and the try's, so a retried request never charges twice."""
        customer = self._call(lambda: self._client.v1.customers.retrieve(order.customer_id))
        settings = customer.to_dict().get("invoice_settings") or {}
        method = settings.get("default_payment_method")
        if not method:
            return Charge("", "failed", order.key, "no card on file")
        params: PaymentIntentCreateParams = {
            "amount": order.amount_minor,
            "currency": order.currency.lower(),
            "customer": order.customer_id,
            "payment_method": method if isinstance(method, str) else method["id"],
            "off_session": True,
            "confirm": True,
            # (the description goes in metadata: localstripe refuses `description` here)
            "metadata": {
                KEY: order.key,
                "billbot_attempt": str(attempt),
                "billbot_description": order.description[:500],
            },
        }
        try:
            intent = self._client.v1.payment_intents.create(
                params, options={"idempotency_key": f"charge:{order.key}:{attempt}"}
            )
        except stripe.CardError as error:
            found: Any = (error.error.payment_intent if error.error else None) or {}
            intent_id = found.get("id", "") if isinstance(found, dict) else ""
            return Charge(str(intent_id), "failed", order.key, _decline(error))
        except stripe.StripeError as error:
            raise Unavailable(f"Stripe did not take the charge: {error.user_message}") from error
        return _charge(intent.to_dict())

    def find_charge(self, *, customer_id: str, key: str) -> Charge | None:
        """The best charge already made for a statement: succeeded, else pending, else the
        last failure; None when there is none."""
        page = self._call(
            lambda: self._client.v1.payment_intents.list({"customer": customer_id, "limit": 100})
        )
        mine = [
            _charge(intent.to_dict())
            for intent in page.auto_paging_iter()
            if (intent.to_dict().get("metadata") or {}).get(KEY) == key
        ]
        for status in ("succeeded", "processing", "failed"):
            for charge in mine:
                if charge.status == status:
                    return charge
        return None

    def charge_status(self, intent_id: str) -> Charge:
        intent = self._call(lambda: self._client.v1.payment_intents.retrieve(intent_id))
        return _charge(intent.to_dict())

    # ------------------------------------------------------------------ webhooks

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

    def _call(self, call: Any) -> Any:
        try:
            return call()
        except stripe.StripeError as error:
            log.warning("Stripe refused a call: %s", type(error).__name__)
            raise Unavailable(
                "Stripe could not do that just now; try again in a minute."
            ) from error


def _charge(intent: dict[str, Any]) -> Charge:
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
