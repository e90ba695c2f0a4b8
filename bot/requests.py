"""Typed requests: what a `/billing` line asks for, once parsed."""

from dataclasses import dataclass
from datetime import date

from billing.periods import Month
from billing.refs import ChannelRef, PersonRef, TeamRef


@dataclass(frozen=True)
class Help:
    topic: str | None = None


@dataclass(frozen=True)
class WhoAmI:
    pass


@dataclass(frozen=True)
class ListCompanies:
    pass


@dataclass(frozen=True)
class ShowCompany:
    company: str


@dataclass(frozen=True)
class NewCompany:
    name: str
    email: str | None = None
    currency: str | None = None
    timezone: str | None = None
    owner: PersonRef | None = None


@dataclass(frozen=True)
class SetCompany:
    """At least one of the optional fields is set."""

    company: str
    name: str | None = None
    email: str | None = None
    currency: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class ListApps:
    company: str | None = None


@dataclass(frozen=True)
class NewApp:
    name: str
    company: str
    environment: str = "production"
    plan: str | None = None
    trial: bool = False


@dataclass(frozen=True)
class SetAppDomain:
    app: str
    domain: str
    since: date | None = None


@dataclass(frozen=True)
class SetAppPlan:
    app: str
    plan: str
    since: date | None = None


@dataclass(frozen=True)
class DeleteApp:
    app: str
    on: date | None = None


@dataclass(frozen=True)
class NewPlan:
    name: str
    amount_minor: int
    currency: str
    environment: str = "production"
    metric: str | None = None
    unit_price_minor: int | None = None
    included: int | None = None


@dataclass(frozen=True)
class ListPlans:
    pass


@dataclass(frozen=True)
class ListTeams:
    pass


@dataclass(frozen=True)
class NewTeam:
    name: str


@dataclass(frozen=True)
class AddTeamMember:
    team: str
    person: PersonRef
    access: str = "unlimited"


@dataclass(frozen=True)
class RemoveTeamMember:
    team: str
    person: PersonRef


@dataclass(frozen=True)
class Grant:
    subject: PersonRef | TeamRef
    company: str
    role: str


@dataclass(frozen=True)
class Revoke:
    subject: PersonRef | TeamRef
    company: str


@dataclass(frozen=True)
class ShowAccess:
    company: str


@dataclass(frozen=True)
class RecordUsage:
    app: str
    metric: str
    quantity: int
    on: date | None = None


@dataclass(frozen=True)
class ShowStatement:
    company: str
    month: Month | None = None
    csv: bool = False


@dataclass(frozen=True)
class Pay:
    company: str


@dataclass(frozen=True)
class MarkPaid:
    company: str
    month: Month


@dataclass(frozen=True)
class LinkChannel:
    company: str
    channel: ChannelRef | None = None  # None: the channel the command was typed in


@dataclass(frozen=True)
class UnlinkChannel:
    company: str


@dataclass(frozen=True)
class ShowReminders:
    company: str


@dataclass(frozen=True)
class SetReminders:
    """At least one of the optional fields is set."""

    company: str
    on: bool | None = None
    days: int | None = None
    time: str | None = None  # HH:MM, 24-hour


@dataclass(frozen=True)
class InviteClient:
    invitee: PersonRef
    apps: tuple[str, ...]
    company: str | None = None
    plan: str | None = None


@dataclass(frozen=True)
class Invite:
    invitee: PersonRef
    company: str
    role: str


@dataclass(frozen=True)
class Accept:
    token: str
    email: str | None = None


@dataclass(frozen=True)
class ListInvites:
    company: str | None = None


@dataclass(frozen=True)
class RevokeInvite:
    invitation_id: int


@dataclass(frozen=True)
class ResendInvite:
    invitation_id: int


@dataclass(frozen=True)
class Leave:
    company: str


@dataclass(frozen=True)
class Dismiss:
    person: PersonRef
    company: str


@dataclass(frozen=True)
class Handover:
    company: str
    to: PersonRef


@dataclass(frozen=True)
class Transfer:
    app: str
    to: str


@dataclass(frozen=True)
class Audit:
    company: str
    page: int = 1


Request = (
    Help
    | WhoAmI
    | ListCompanies
    | ShowCompany
    | NewCompany
    | SetCompany
    | ListApps
    | NewApp
    | SetAppDomain
    | SetAppPlan
    | DeleteApp
    | NewPlan
    | ListPlans
    | ListTeams
    | NewTeam
    | AddTeamMember
    | RemoveTeamMember
    | Grant
    | Revoke
    | ShowAccess
    | RecordUsage
    | ShowStatement
    | MarkPaid
    | Pay
    | LinkChannel
    | UnlinkChannel
    | ShowReminders
    | SetReminders
    | InviteClient
    | Invite
    | Accept
    | ListInvites
    | RevokeInvite
    | ResendInvite
    | Leave
    | Dismiss
    | Handover
    | Transfer
    | Audit
)
