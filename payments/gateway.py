"""The one small interface every payment method offers, and the facts it answers with."""

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from billing.errors import DomainError
from billing.reminders import last_day_of_card

KEY = "billbot_statement"  # metadata naming the statement a PaymentIntent pays
NUMBER = "statement_number"  # metadata: the number printed on the statement's document


class Unavailable(DomainError):
    """The payment provider cannot do this here (manual mode), or did not answer."""

    code = "payments_unavailable"


class Refused(Unavailable):
    """Stripe answered with a 4xx other than 429 (no such object, not allowed): asking again
    gets the same answer. Network errors, 5xx and 429 stay Unavailable: worth a retry."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BadSignature(Exception):
    """A webhook whose signature or timestamp does not check out."""


@dataclass(frozen=True)
class Card:
    brand: str
    last4: str
    exp_month: int
    exp_year: int

    @property
    def expires(self) -> date:
        return last_day_of_card(self.exp_month, self.exp_year)


@dataclass(frozen=True)
class ChargeOrder:
    """One statement to charge: `key` is company:period, the same on every try."""

    customer_id: str
    amount_minor: int
    currency: str
    key: str
    description: str  # names the statement's number, so a payment is matched to its document
    number: str = ""  # the statement's number (NUMBER in the intent's metadata)


@dataclass(frozen=True)
class Charge:
    """What the provider says about a charge."""

    intent_id: str
    status: str  # succeeded | failed | processing
    key: str | None = None
    error: str | None = None


class Gateway(Protocol):
    mode: str  # "stripe" or "manual"

    def create_customer(self, *, company_id: int, name: str, email: str | None) -> str: ...

    def setup_link(self, *, customer_id: str, success_url: str, cancel_url: str) -> str: ...

    def portal_link(self, *, customer_id: str, return_url: str) -> str: ...

    def default_card(self, customer_id: str) -> Card | None: ...

    def save_card(self, *, customer_id: str, payment_method_id: str) -> Card: ...

    def checkout_card(self, session_id: str) -> tuple[str, str] | None:
        """(customer id, payment method id) of a completed card setup."""
        ...

    def setup_card(self, setup_intent_id: str) -> tuple[str, str] | None: ...

    def charge(self, order: ChargeOrder, *, attempt: int) -> Charge: ...

    def find_charge(self, *, customer_id: str, key: str) -> Charge | None: ...

    def charge_status(self, intent_id: str) -> Charge: ...

    def verify(self, body: bytes, signature: str | None) -> dict[str, Any]: ...
