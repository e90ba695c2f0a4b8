"""Which days of a month an app is billed to a company, and on which plan: the billing rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple, TypeVar

from billing.app_history import AppFacts
from billing.errors import Invalid
from billing.periods import Month
from billing.plans import PlanTerms

_DAY = timedelta(days=1)
_T = TypeVar("_T")


class Segment(NamedTuple):
    """A maximal run of consecutive billed days of one app on one plan."""

    first: date
    last: date
    plan: PlanTerms

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _by_since(
    app: AppFacts, entries: Sequence[tuple[date, _T]], what: str
) -> list[tuple[date, _T]]:
    """Sorted by day, exact duplicates dropped; two different entries on one day are refused."""
    if len(entries) < 2:
        return list(entries)
    ordered = sorted(set(entries), key=lambda entry: entry[0])
    for (day, _), (next_day, _) in pairwise(ordered):
        if day == next_day:
            raise Invalid(f"App “{app.name}” has two {what} from {day.isoformat()}.")
    return ordered


def _window(app: AppFacts, month: Month) -> tuple[date, date] | None:
    """The days the app itself may be billed: created, out of trial, with a domain, not deleted."""
    first, last = max(month.first_day, app.created_on), month.last_day
    if app.environment == "production":
        if app.domain_since is None:
            return None
        first = max(first, app.domain_since)
    if app.deleted_on is not None:
        last = min(last, app.deleted_on)
    if app.trial_through is not None and app.trial_through >= first:
        if app.trial_through >= last:
            return None
        first = app.trial_through + _DAY
    return (first, last) if first <= last else None


def _owned(app: AppFacts, company_id: int, first: date, last: date) -> list[tuple[date, date]]:
    """The runs of days within first..last on which the company owns the app."""
    owners = _by_since(app, app.owners, "owners")
    runs: list[tuple[date, date]] = []
    for index, (since, company) in enumerate(owners):
        until = owners[index + 1][0] - _DAY if index + 1 < len(owners) else last
        start, end = max(since, first), min(until, last)
        if company != company_id or start > end:
            continue
        if runs and runs[-1][1] + _DAY == start:
            start = runs.pop()[0]
        runs.append((start, end))
    return runs


def _dearer(old: PlanTerms, new: PlanTerms, environment: str) -> PlanTerms:
    """On a change day the dearer plan counts; a plan that doesn't bill this app costs 0. A new
    price of the same plan (a plan version) counts from its first day."""
    if old.name == new.name:
        return new
    old_price = old.amount_minor if old.bills(environment) else 0
    new_price = new.amount_minor if new.bills(environment) else 0
    return old if old_price > new_price else new


def _add(runs: list[Segment], start: date, end: date, plan: PlanTerms, app: AppFacts) -> None:
    if start > end or not plan.bills(app.environment):
        return
    if runs and runs[-1].plan == plan and runs[-1].last + _DAY == start:
        start = runs.pop().first
    runs.append(Segment(start, end, plan))


def _on_plans(app: AppFacts, first: date, last: date) -> list[Segment]:
    """The runs of days within first..last on a plan that bills the app. On a day a new owner
    takes the app over, its own plan counts: the old plan was never the new owner's."""
    plans = _by_since(app, app.plans, "plans")
    owners = _by_since(app, app.owners, "owners")
    handed_over = {day for (_, old), (day, new) in pairwise(owners) if new != old}
    runs: list[Segment] = []
    previous: PlanTerms | None = None
    for index, (since, plan) in enumerate(plans):
        until = plans[index + 1][0] - _DAY if index + 1 < len(plans) else last
        if since > last:
            break
        if previous is not None and first <= since and since not in handed_over:
            _add(runs, since, since, _dearer(previous, plan, app.environment), app)
            since += _DAY
        _add(runs, max(since, first), min(until, last), plan, app)
        previous = plan
    return runs


def _overlap(owned: list[tuple[date, date]], on_plans: list[Segment]) -> list[Segment]:
    """Both sorted and disjoint: one merge walk."""
    segments: list[Segment] = []
    i = j = 0
    while i < len(owned) and j < len(on_plans):
        (own_first, own_last), run = owned[i], on_plans[j]
        start, end = max(own_first, run.first), min(own_last, run.last)
        if start <= end:
            segments.append(Segment(start, end, run.plan))
        if own_last < run.last:
            i += 1
        else:
            j += 1
    return segments


def billed_segments(app: AppFacts, company_id: int, month: Month) -> list[Segment]:
    """The app's plan segments billed to the company in the month, in day order."""
    window = _window(app, month)
    if window is None:
        return []
    owned = _owned(app, company_id, *window)
    return _overlap(owned, _on_plans(app, *window)) if owned else []


def billable_days(app: AppFacts, company_id: int, month: Month) -> list[tuple[date, PlanTerms]]:
    """Every day billed to the company for the app, with the plan that counts that day."""
    return [
        (date.fromordinal(ordinal), segment.plan)
        for segment in billed_segments(app, company_id, month)
        for ordinal in range(segment.first.toordinal(), segment.last.toordinal() + 1)
    ]
