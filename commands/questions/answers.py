"""What the answers to billing questions are made of: plain facts for bot/ to word."""

from dataclasses import dataclass
from datetime import date

from billing.money import Money
from billing.periods import Month
from commands.app_views import AppView
from commands.show_statement import StatementView


@dataclass(frozen=True)
class Upcoming:
    """The next charge of a company: a closed statement not charged yet, or the live estimate."""

    company_id: int
    company: str
    month: Month
    amount: Money
    charge_on: date
    final: bool  # False: an estimate of a month still running
    billing_mode: str  # stripe | manual
    card: str | None  # "Visa ending 4242" in Stripe mode once a card is saved


@dataclass(frozen=True)
class Unpaid:
    month: Month
    amount: Money
    due_on: date | None
    days_late: int  # 0 while not late


@dataclass(frozen=True)
class Dues:
    """What a company owes now (closed, unpaid statements), for "what is due" and "overdue"."""

    company_id: int
    company: str
    unpaid: list[Unpaid]
    upcoming: Upcoming
    overdue_only: bool = False  # the question was whether anything is late

    @property
    def late(self) -> list[Unpaid]:
        return [u for u in self.unpaid if u.days_late > 0]


@dataclass(frozen=True)
class LastStatement:
    company_id: int
    company: str
    statement: StatementView | None  # None: nothing closed yet
    upcoming: Upcoming


@dataclass(frozen=True)
class AppPlans:
    company: str
    apps: list[AppView]
    asked: str | None  # the app the question named


@dataclass(frozen=True)
class BillingPeople:
    company: str
    people: list[tuple[str, str]]  # (name, owner|admin|billing)


@dataclass(frozen=True)
class CannotPay:
    """Someone who may read a company's billing but not pay it or change its card."""

    company: str
    role: str | None  # None: reading through the linked channel only


@dataclass(frozen=True)
class PaidByHand:
    """A company billed by hand: it pays each statement as invoiced."""

    company: str
    invoice_email: str | None


@dataclass(frozen=True)
class Permissions:
    company: str
    role: str | None  # None: no role (reading through the linked channel, or an operator)
    allowed: list[str]  # what the role allows, in SPEC's words
    through_channel: bool
    is_operator: bool


@dataclass(frozen=True)
class WhichCompany:
    """The question needs a company and none was named: the ones the asker may ask about."""

    options: list[str]
    total: int
