"""What use cases return: plain data for any door to render."""

from dataclasses import dataclass, field
from datetime import date

from billing.money import Money
from billing.periods import Month
from billing.statement import Line


@dataclass(frozen=True)
class Done:
    """A change went through; `summary` is the sentence to show."""

    summary: str


@dataclass(frozen=True)
class AppView:
    name: str
    company: str
    environment: str
    trial: bool
    plan: str | None
    plan_since: date | None
    domain: str | None
    domain_since: date | None
    deleted_on: date | None


@dataclass(frozen=True)
class CompanyView:
    name: str
    invoice_email: str | None
    currency: str
    timezone: str
    billing_mode: str
    payment_status: str
    your_role: str | None
    apps: list[AppView] = field(default_factory=list)


@dataclass(frozen=True)
class CompanyLine:
    name: str
    role: str | None
    apps: int


@dataclass(frozen=True)
class PlanView:
    name: str
    kind: str
    price: Money
    environment: str
    metric: str | None
    unit_price: Money | None
    included: int | None


@dataclass(frozen=True)
class TeamView:
    name: str
    members: list[tuple[str, str]]  # (person name, unlimited|limited)


@dataclass(frozen=True)
class AccessView:
    company: str
    people: list[tuple[str, str, str]]  # (name, effective role, how: direct or team names)
    teams: list[tuple[str, str]]  # (team name, role)


@dataclass(frozen=True)
class WhoAmIView:
    name: str
    account_type: str
    is_operator: bool
    companies: list[tuple[str, str]]  # (company, role)


@dataclass(frozen=True)
class CompanyList:
    items: list[CompanyLine]
    everyone: bool  # an operator's view of the whole workspace
    total: int  # how many there are; items holds the first ones by name


@dataclass(frozen=True)
class AppList:
    company: str | None
    items: list[AppView]


@dataclass(frozen=True)
class PlanList:
    items: list[PlanView]


@dataclass(frozen=True)
class TeamList:
    items: list[TeamView]


@dataclass(frozen=True)
class StatementView:
    company: str
    month: Month
    currency: str
    status: str  # draft (live estimate) | finalized | carried | paid | past_due | void
    lines: tuple[Line, ...]
    total_minor: int
    charge_on: date | None
    due_on: date | None
    csv: bool = False

    @property
    def total(self) -> Money:
        return Money(self.total_minor, self.currency)


@dataclass(frozen=True)
class ChannelLink:
    """Where a company's reminders and statements go after a link or an unlink."""

    company: str
    channel_id: str | None  # None: by DM to its owners, admins and billing people
    changed: bool  # False: they went there already


@dataclass(frozen=True)
class ReminderSettings:
    company: str
    on: bool
    days: int  # before the charge day
    time: str  # HH:MM on the company's clock
    timezone: str
    channel_id: str | None  # None: by DM to its owners, admins and billing people
    updated: bool = False  # the settings were just changed


@dataclass(frozen=True)
class CloseReport:
    month: Month
    finalized: int
    already_closed: int
    not_over: int
    empty: int
    totals: dict[str, int]  # currency -> sum of the new statements
    dry_run: bool
