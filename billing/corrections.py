"""Dates that reach back: which months a `since:` or `on:` date may still change, and the
correction line that settles a change to a month whose statement is final."""

from collections.abc import Iterable, Iterator
from datetime import date

from billing.app_history import AppFacts
from billing.errors import Invalid
from billing.periods import Month
from billing.statement import Line


def first_open_month(*, newest_closed: Month | None, this_month: Month) -> Month:
    """The oldest month whose statement can still change: the one after the newest closed
    statement, and no older than the month before last (the oldest month the charge-day sweep
    still closes; an older month without a statement was closed with nothing to bill)."""
    floor = this_month.previous().previous()
    return floor if newest_closed is None else max(floor, newest_closed.next())


def check_reach(day: date, *, company: str, first_month: Month) -> None:
    """A date before the company's first month in billbot is refused: nothing was billed
    there, and nothing can be."""
    if day < first_month.first_day:
        raise Invalid(
            f"{company} is billed by billbot from {first_month.label()} on: "
            f"{day.isoformat()} is before that."
        )


def closed_months(first: Month, open_from: Month) -> Iterator[Month]:
    """The months from `first` up to the first open one, oldest first: the final statements a
    change from `first` on reaches."""
    month = first
    while month < open_from:
        yield month
        month = month.next()


def _days(days: int) -> str:
    if days == 0:
        return ""
    count = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
    return f", {count}" if days > 0 else f", {count} fewer"


def correction_line(
    *,
    month: Month,
    app: str,
    what: str,
    rebilled: Iterable[Line],
    billed_minor: int,
    billed_days: int,
) -> Line | None:
    """The difference between the month billed again with the app's new history (`rebilled`:
    the app's lines, by the same rules as every statement) and what was billed for it
    (`billed_minor` over `billed_days` plan days: the final statement and earlier corrections).
    None when nothing changes. `what` says what changed: "shop on Basic from Nov 3"."""
    lines = list(rebilled)
    amount = sum(line.amount_minor for line in lines) - billed_minor
    days = sum(line.days or 0 for line in lines if line.kind == "plan") - billed_days
    if amount == 0:
        return None
    text = f"Correction for {month}: {what}{_days(days)}"
    return Line("correction", text, app, None, None, days, None, amount)


def why_later(app: AppFacts, day: date) -> str:
    """Why an app is billed later than a plan or domain date says: "domain" (a production app
    is billed from its domain's day), "trial" (trial days are never billed), or ""."""
    if app.environment == "production" and (app.domain_since is None or app.domain_since > day):
        return "domain"
    if app.trial_through is not None and app.trial_through >= day:
        return "trial"
    return ""
