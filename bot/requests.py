"""Typed requests: what a `/billing` line asks for, once parsed."""

from dataclasses import dataclass

from billing.refs import PersonRef, TeamRef
from commands.create_app import NewApp
from commands.create_plan import NewPlan
from commands.delete_app import DeleteApp
from commands.link_channel import LinkChannel
from commands.list_apps import ListApps
from commands.list_plans import ListPlans
from commands.mark_paid import MarkPaid
from commands.pay_link import Pay
from commands.record_usage import RecordUsage
from commands.set_app_domain import SetAppDomain
from commands.set_app_plan import SetAppPlan
from commands.set_reminders import SetReminders
from commands.show_reminders import ShowReminders
from commands.show_statement import ShowStatement
from commands.unlink_channel import UnlinkChannel


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
