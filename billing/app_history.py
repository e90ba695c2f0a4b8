"""One app's billing history (created, on plans, owned, deleted, used), as storage reads it,
and the rules for reading it: who owned it during a month, which usage counts."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from billing.errors import Invalid
from billing.plans import ENVIRONMENTS, PlanTerms


@dataclass(frozen=True, slots=True)
class AppFacts:
    """One app's billing history, as the storage layer reads it."""

    name: str
    environment: str  # "production" | "staging"
    created_on: date
    plans: tuple[tuple[date, PlanTerms], ...]  # (since, plan), any order; none: unbilled
    owners: tuple[tuple[date, int], ...]  # (since, company_id): the owner from that day on
    domain_since: date | None = None  # production apps are billed only from this day
    deleted_on: date | None = None  # billed through this day, not after
    trial_through: date | None = None  # trial days (through this day) are never billed
    usage: Mapping[date, int] = field(default_factory=dict, hash=False)  # metric per day

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise Invalid(f"App “{self.name}”: the environment must be production or staging.")
        if min(self.usage.values(), default=0) < 0:
            raise Invalid(f"App “{self.name}”: usage can't be negative.")
        object.__setattr__(self, "plans", tuple(self.plans))
        object.__setattr__(self, "owners", tuple(self.owners))


def metered_usage(
    by_metric: dict[str, dict[date, int]], plans: list[tuple[date, PlanTerms]]
) -> dict[date, int]:
    """The usage of the metric the app's latest metered plan counts."""
    metered = sorted((since, p.metric) for since, p in plans if p.metric)
    return dict(by_metric.get(metered[-1][1], {})) if metered else {}


def owners_from(history: list[tuple[date, int]], first: date) -> set[int]:
    """Companies owning the app on some day from `first` on (history is up to month end)."""
    ordered = sorted(history)
    at_start = [company for since, company in ordered if since <= first][-1:]
    return set(at_start) | {company for since, company in ordered if since > first}
