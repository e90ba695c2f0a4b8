"""Stripe customers and their cards: one customer per company, cards saved through Checkout in
setup mode and made the customer's default for off-session charges."""

import logging
from typing import Any

import stripe
from stripe.params import CustomerCreateParams
from stripe.params.checkout import SessionCreateParams

from payments.gateway import Card, Refused, Unavailable

log = logging.getLogger("billbot.stripe")


class StripeCustomers:
    """What StripeGateway does with customers and their cards."""

    def __init__(
        self, api_key: str, *, api_base: str | None, webhook_secret: str, retries: int = 2
    ) -> None:
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_base} if api_base else {},
            max_network_retries=retries,
        )
        self._secret = webhook_secret

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
        method_id = self._default_method(customer_id)
        return None if method_id is None else self._card(method_id)

    def _default_method(self, customer_id: str) -> str | None:
        """The id of the customer's default payment method; None without one."""
        customer = self._call(lambda: self._client.v1.customers.retrieve(customer_id))
        settings = customer.to_dict().get("invoice_settings") or {}
        method = settings.get("default_payment_method")
        if not method:
            return None
        return str(method if isinstance(method, str) else method.get("id"))

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

    def _call(self, call: Any) -> Any:
        try:
            return call()
        except stripe.StripeError as error:
            status = error.http_status
            log.warning("Stripe refused a call: %s (HTTP %s)", type(error).__name__, status)
            if status is not None and 400 <= status < 500 and status != 429:
                raise Refused(
                    "Stripe refused that; asking again would not change its answer.",
                    status=status,
                ) from error
            raise Unavailable(
                "Stripe could not do that just now; try again in a minute."
            ) from error
