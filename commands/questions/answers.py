"""What the answers to billing questions are made of: plain facts for bot/ to word."""

from dataclasses import dataclass, field
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
    carried: list["Carried"] = field(default_factory=list)  # into the statement charged next

    @property
    def late(self) -> list[Unpaid]:
        return [u for u in self.unpaid if u.days_late > 0]


@dataclass(frozen=True)
class LastStatement:
    company_id: int
    company: str
    statement: StatementView | None  # None: nothing closed yet
    upcoming: Upcoming
    asked: Month | None = None  # the month the question named, when it named one


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


@dataclass(frozen=True)
class DueDate:
    """By when the company must pay: each unpaid statement's due day, or the next statement's."""

    company_id: int
    company: str
    unpaid: list[Unpaid]
    upcoming: Upcoming
    next_due_on: date  # the due day of the statement charged next


@dataclass(frozen=True)
class Carried:
    """A statement below the minimum charge, carried into the next one instead of charged."""

    month: Month
    amount: Money


@dataclass(frozen=True)
class AppBilling:
    """One live app and whether its plan is billed now; `unbilled` says why not."""

    name: str
    environment: str
    plan: str | None
    monthly: Money | None  # the plan's monthly amount (None: no plan)
    metered: bool  # usage above the plan's allowance is billed too
    unbilled: str | None  # None (billed) | no_domain | trial | no_plan | free_plan | staging


@dataclass(frozen=True)
class BilledApps:
    """Which of the company's apps are billed, and why the others are not."""

    company: str
    apps: list[AppBilling]
    asked: str | None  # the app the question named


@dataclass(frozen=True)
class AppCosts:
    """What the company's apps (or the one asked about) cost a month."""

    company: str
    apps: list[AppBilling]
    asked: str | None


@dataclass(frozen=True)
class InvoiceEmail:
    """Where the company's statements are e-mailed."""

    company: str
    email: str | None
    billing_mode: str


@dataclass(frozen=True)
class CardOnFile:
    """The card a company is charged to, and whether it lasts to the next charge."""

    company_id: int
    company: str
    billing_mode: str
    card: str | None  # "Visa ending 4242"
    expires: date | None  # the last day it works
    next_charge_on: date


@dataclass(frozen=True)
class Paid:
    month: Month
    amount: Money
    paid_on: date | None


@dataclass(frozen=True)
class PaymentsMade:
    """The company's paid statements, latest first, and what is still open."""

    company_id: int
    company: str
    paid: list[Paid]
    unpaid: list[Unpaid]
