"""Typed requests: what a `/billing` line asks for, once parsed."""

from dataclasses import dataclass

from commands.accept_invitation import Accept
from commands.add_team_member import AddTeamMember
from commands.audit_log import Audit
from commands.create_app import NewApp
from commands.create_company import NewCompany
from commands.create_plan import NewPlan
from commands.create_team import NewTeam
from commands.delete_app import DeleteApp
from commands.grant_access import Grant
from commands.hand_over import Handover
from commands.invite_client import InviteClient
from commands.invite_to_company import Invite
from commands.leave_company import Leave
from commands.link_channel import LinkChannel
from commands.list_access import ShowAccess
from commands.list_apps import ListApps
from commands.list_companies import ListCompanies
from commands.list_invitations import ListInvites
from commands.list_plans import ListPlans
from commands.list_teams import ListTeams
from commands.mark_paid import MarkPaid
from commands.pay_link import Pay
from commands.record_usage import RecordUsage
from commands.remove_team_member import RemoveTeamMember
from commands.resend_invitation import ResendInvite
from commands.revoke_access import Dismiss, Revoke
from commands.revoke_invitation import RevokeInvite
from commands.set_app_domain import SetAppDomain
from commands.set_app_plan import SetAppPlan
from commands.set_reminders import SetReminders
from commands.show_company import ShowCompany
from commands.show_reminders import ShowReminders
from commands.show_statement import ShowStatement
from commands.transfer_app import Transfer
from commands.unlink_channel import UnlinkChannel
from commands.update_company import SetCompany
from commands.who_am_i import WhoAmI


@dataclass(frozen=True)
class Help:
    topic: str | None = None


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
