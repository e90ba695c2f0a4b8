"""The price list's rules: what a plan is, and which apps and companies it may bill."""

from dataclasses import dataclass
from typing import Protocol

from billing.errors import Invalid
from billing.money import normalize_currency

KINDS = ("unbilled", "flat", "metered")
ENVIRONMENTS = ("production", "staging")


def check_count(label: str, value: int | None) -> None:
    """None, or a whole number >= 0 (money in minor units, quantities)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise Invalid(f"{label} must be a whole number, 0 or more, not {value!r}.")


def check_environment(environment: str) -> str:
    if environment not in ENVIRONMENTS:
        raise Invalid(f"“{environment}” is not an environment (use production or staging).")
    return environment


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """A price list entry as the engine needs it; amounts in minor units of `currency`."""

    name: str
    kind: str  # "unbilled" | "flat" | "metered"
    amount_minor: int  # monthly fee
    currency: str
    environment: str  # "production" | "staging": the kind of app the plan bills
    metric: str | None = None  # metered only
    unit_price_micros: int | None = None  # millionths of the minor unit: 0.0004 USD = 40,000
    included_quantity: int | None = None  # per day

    def __post_init__(self) -> None:
        where = f"Plan “{self.name}”"
        if self.kind not in KINDS:
            raise Invalid(f"{where}: the kind must be unbilled, flat or metered.")
        if self.environment not in ENVIRONMENTS:
            raise Invalid(f"{where}: the environment must be production or staging.")
        check_count(f"{where}: the amount", self.amount_minor)
        check_count(f"{where}: the unit price", self.unit_price_micros)
        check_count(f"{where}: the included quantity", self.included_quantity)
        if self.kind == "metered" and (not self.metric or self.unit_price_micros is None):
            raise Invalid(f"{where} is metered: it needs a metric and a unit price.")
        object.__setattr__(self, "currency", normalize_currency(self.currency))

    def bills(self, environment: str) -> bool:
        """Does this plan bill an app of that environment? (staging plans bill staging apps)"""
        return self.kind != "unbilled" and self.environment == environment


def plan_kind(
    amount_minor: int,
    metric: str | None,
    unit_price_micros: int | None,
    included: int | None,
) -> str:
    """The kind of a new price list entry: metered, flat or unbilled; Invalid when its prices
    don't make one."""
    metered = (metric, unit_price_micros, included)
    if any(v is not None for v in metered) and any(v is None for v in metered):
        raise Invalid("A metered plan needs metric:, unit: and included: together.")
    if amount_minor < 0 or (unit_price_micros or 0) < 0 or (included or 0) < 0:
        raise Invalid("Prices and included quantities can't be negative.")
    return "metered" if metric else ("flat" if amount_minor else "unbilled")


class PricedPlan(Protocol):
    name: str
    kind: str
    environment: str
    currency: str


class BilledApp(Protocol):
    name: str
    environment: str


class PayingCompany(Protocol):
    name: str
    currency: str


def check_plan_fits(plan: PricedPlan, app: BilledApp, company: PayingCompany) -> None:
    """A plan bills apps of its own environment, in the currency the company pays in."""
    if plan.environment != app.environment:
        raise Invalid(
            f"Plan {plan.name} is for {plan.environment} apps; {app.name} is {app.environment}."
        )
    if plan.kind != "unbilled" and plan.currency != company.currency:
        raise Invalid(
            f"Plan {plan.name} is priced in {plan.currency}; {company.name} pays in "
            f"{company.currency}."
        )
