"""Typed requests: what a `/billing` line asks for, once parsed."""

from dataclasses import dataclass
from datetime import date

from billing.periods import Month
from billing.refs import ChannelRef
from commands.accept_invitation import Accept
from commands.add_team_member import AddTeamMember
from commands.audit_log import Audit
from commands.create_company import NewCompany
from commands.create_team import NewTeam
from commands.grant_access import Grant
from commands.hand_over import Handover
from commands.invite_client import InviteClient
from commands.invite_to_company import Invite
from commands.leave_company import Leave
from commands.list_access import ShowAccess
from commands.list_companies import ListCompanies
from commands.list_invitations import ListInvites
from commands.list_teams import ListTeams
from commands.remove_team_member import RemoveTeamMember
from commands.resend_invitation import ResendInvite
from commands.revoke_access import Dismiss, Revoke
from commands.revoke_invitation import RevokeInvite
from commands.show_company import ShowCompany
from commands.transfer_app import Transfer
from commands.update_company import SetCompany
from commands.who_am_i import WhoAmI


@dataclass(frozen=True)
class Help:
    topic: str | None = None


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
