"""Manual mode: statements are billed by hand and payment is recorded with mark-paid."""

from typing import Any, NoReturn

from payments.gateway import BadSignature, Card, Charge, ChargeOrder, Unavailable

BY_HAND = "Payments are billed by hand here: an operator records them with `/billing mark-paid`."


class ManualGateway:
    mode = "manual"

    def _no(self) -> NoReturn:
        raise Unavailable(BY_HAND)

    def create_customer(self, *, company_id: int, name: str, email: str | None) -> str:
        self._no()

    def setup_link(self, *, customer_id: str, success_url: str, cancel_url: str) -> str:
        self._no()

    def portal_link(self, *, customer_id: str, return_url: str) -> str:
        self._no()

    def default_card(self, customer_id: str) -> Card | None:
        return None

    def save_card(self, *, customer_id: str, payment_method_id: str) -> Card:
        self._no()

    def checkout_card(self, session_id: str) -> tuple[str, str] | None:
        return None

    def setup_card(self, setup_intent_id: str) -> tuple[str, str] | None:
        return None

    def charge(self, order: ChargeOrder, *, attempt: int) -> Charge:
        self._no()

    def find_charge(self, *, customer_id: str, key: str) -> Charge | None:
        return None

    def charge_status(self, intent_id: str) -> Charge:
        self._no()

    def verify(self, body: bytes, signature: str | None) -> dict[str, Any]:
        raise BadSignature("Stripe is not configured here")
