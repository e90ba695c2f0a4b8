"""A company's statement for a month: plan lines, overage lines, a carried balance,
corrections of closed months, the total."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from billing.app_history import AppFacts
from billing.billable import Segment, billed_segments
from billing.errors import Invalid
from billing.money import exponent, normalize_currency, prorate, round_half_up, unit_price_total
from billing.periods import Month
from billing.plans import PlanTerms

MIN_CHARGE = Decimal("0.50")  # of the currency's major unit; smaller totals carry over
# English abbreviations, not the process locale's
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Line:
    kind: str  # "plan" | "overage" | "balance" | "correction"
    description: str  # for the client: app, plan, dates; no environments or hosts
    app: str | None
    first_day: date | None
    last_day: date | None
    days: int | None
    quantity: int | None  # units over the included quantity, on overage lines
    amount_minor: int  # below 0 on a refund (a correction) or a carried credit
    ref: int | None = None  # the stored correction a correction line comes from


@dataclass(frozen=True, slots=True)
class StatementDraft:
    company_id: int
    month: Month
    currency: str
    lines: tuple[Line, ...]
    total_minor: int  # exactly the sum of the lines

    def chargeable(self, min_charge_minor: int) -> bool:
        """Below the minimum (or below zero: a credit), the total is not charged but carried
        into next month."""
        return self.total_minor >= min_charge_minor


def min_charge_minor(currency: str, minimum: Decimal = MIN_CHARGE) -> int:
    """`minimum` major units in minor units, half-up, at least 1: USD 50, JPY 1, KWD 500."""
    return max(1, round_half_up(minimum.scaleb(exponent(currency))))


def day_label(day: date) -> str:
    """'Nov 11', in English whatever the process locale."""
    return f"{_MONTHS[day.month - 1]} {day.day}"


def _dates(first: date, last: date) -> str:
    """'Nov 11–30', or 'Nov 15' for one day; both days are in the same month."""
    start = day_label(first)
    return start if first == last else f"{start}–{last.day}"


def _plan_line(app_name: str, segment: Segment, month: Month) -> Line:
    plan, days = segment.plan, segment.days
    period = _dates(segment.first, segment.last)
    text = f"{app_name}: {plan.name}, {period} ({days} of {month.days} days)"
    amount = prorate(plan.amount_minor, days, month.days)  # rounded once, per line
    return Line("plan", text, app_name, segment.first, segment.last, days, None, amount)


def _units_over(usage: Mapping[date, int], segment: Segment, included: int) -> int:
    """Sum over the segment's days of max(0, usage - included); walks the shorter of the two."""
    if len(usage) <= segment.days:
        quantities = (q for day, q in usage.items() if segment.first <= day <= segment.last)
    else:
        ordinals = range(segment.first.toordinal(), segment.last.toordinal() + 1)
        quantities = (usage.get(date.fromordinal(ordinal), 0) for ordinal in ordinals)
    return sum(quantity - included for quantity in quantities if quantity > included)


def _overage_line(app: AppFacts, segment: Segment, month: Month) -> Line | None:
    plan = segment.plan
    if plan.kind != "metered" or not app.usage:
        return None
    included = plan.included_quantity or 0
    units = _units_over(app.usage, segment, included)
    if units == 0:
        return None
    text = f"{app.name}: {units:,} {plan.metric}"
    text += f" over the included {included:,} a day" if included else ""
    if segment.days != month.days:
        text += f", {_dates(segment.first, segment.last)}"
    amount = unit_price_total(units, plan.unit_price_micros or 0)  # rounded once, per line
    return Line("overage", text, app.name, segment.first, segment.last, segment.days, units, amount)


def _check_currency(app: AppFacts, plan: PlanTerms, currency: str) -> None:
    if plan.currency != currency:
        raise Invalid(
            f"App “{app.name}” is on plan “{plan.name}” in {plan.currency}, "
            f"but its company is billed in {currency}."
        )


def _app_lines(app: AppFacts, company_id: int, month: Month, currency: str) -> list[Line]:
    """Per plan segment, in day order: its plan line, then its overage line if any."""
    lines: list[Line] = []
    for segment in billed_segments(app, company_id, month):
        _check_currency(app, segment.plan, currency)
        lines.append(_plan_line(app.name, segment, month))
        overage = _overage_line(app, segment, month)
        if overage is not None:
            lines.append(overage)
    return lines


def _app_order(lines: list[Line]) -> tuple[object, ...]:
    """Apps by name; apps sharing a name by their lines, so input order never shows."""
    name = lines[0].app or ""
    rest = tuple((line.first_day, line.amount_minor, line.description) for line in lines)
    return (name.casefold(), name, rest)


def carries(total_minor: int, min_charge_minor: int) -> bool:
    """A final total carried into next month's statement: too small to charge, or a credit."""
    return total_minor != 0 and total_minor < min_charge_minor


def _balance_line(carried_minor: int, carried_from: Month) -> Line:
    text = f"Balance carried from {carried_from}"
    return Line("balance", text, None, None, None, None, None, carried_minor)


def build_statement(
    *,
    company_id: int,
    currency: str,
    month: Month,
    apps: Iterable[AppFacts],
    carried_minor: int = 0,
    carried_from: Month | None = None,
    corrections: Sequence[Line] = (),
) -> StatementDraft:
    """The month's statement: the carried balance (a credit when below zero) first, then the
    corrections of closed months, then each app's lines by app name."""
    code = normalize_currency(currency)
    if isinstance(carried_minor, bool) or not isinstance(carried_minor, int):
        raise Invalid(f"A carried balance must be a whole number, not {carried_minor!r}.")
    per_app = (_app_lines(app, company_id, month, code) for app in apps)
    lines = [line for group in sorted(filter(None, per_app), key=_app_order) for line in group]
    lines[0:0] = corrections
    if carried_minor:
        lines.insert(0, _balance_line(carried_minor, carried_from or month.previous()))
    total = sum(line.amount_minor for line in lines)
    return StatementDraft(company_id, month, code, tuple(lines), total)
