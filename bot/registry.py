"""The one table of `/billing` subcommands: the words, the typed request, the use case.

Help and the grammar have a line for each name here (checked when this module loads), and
`bot.bootstrap` calls the use case with the request's fields and what the door knows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from bot.grammar.builders import BUILDERS
from bot.grammar.entries import ENTRIES
from bot.grammar.help import Help, HelpText, help_text
from commands.accept_invitation import Accept, accept_invitation
from commands.actor import Actor
from commands.add_team_member import AddTeamMember, add_team_member
from commands.audit_log import Audit, audit_log
from commands.create_api_key import NewApiKey, create_api_key
from commands.create_app import NewApp, create_app
from commands.create_company import NewCompany, create_company
from commands.create_plan import NewPlan, create_plan
from commands.create_team import NewTeam, create_team
from commands.delete_app import DeleteApp, delete_app
from commands.grant_access import Grant, grant_access
from commands.hand_over import Handover, hand_over
from commands.invite_client import InviteClient, invite_client
from commands.invite_to_company import Invite, invite_to_company
from commands.leave_company import Leave, leave_company
from commands.link_channel import LinkChannel, link_channel
from commands.list_access import ShowAccess, list_access
from commands.list_apps import ListApps, list_apps
from commands.list_companies import ListCompanies, list_companies
from commands.list_invitations import ListInvites, list_invitations
from commands.list_plans import ListPlans, list_plans
from commands.list_teams import ListTeams, list_teams
from commands.mark_paid import MarkPaid, mark_paid
from commands.pay_link import Pay, pay_link
from commands.record_usage import RecordUsage, record_usage
from commands.remove_team_member import RemoveTeamMember, remove_team_member
from commands.reprice_plan import RepricePlan, reprice_plan
from commands.resend_invitation import ResendInvite, resend_invitation
from commands.retire_plan import RetirePlan, retire_plan
from commands.revoke_access import Dismiss, Revoke, revoke_access
from commands.revoke_api_key import RevokeApiKey, revoke_api_key
from commands.revoke_invitation import RevokeInvite, revoke_invitation
from commands.set_app_domain import SetAppDomain, set_app_domain
from commands.set_app_plan import SetAppPlan, set_app_plan
from commands.set_reminders import SetReminders, set_reminders
from commands.show_company import ShowCompany, show_company
from commands.show_reminders import ShowReminders, show_reminders
from commands.show_statement import ShowStatement, show_statement
from commands.transfer_app import Transfer, transfer_app
from commands.unlink_channel import UnlinkChannel, unlink_channel
from commands.update_company import SetCompany, update_company
from commands.who_am_i import WhoAmI, who_am_i


@dataclass(frozen=True)
class Subcommand:
    name: str  # the words after `/billing`, as help and the grammar know them: "app new"
    request: type
    use_case: Callable[..., object]


def show_help(*, actor: Actor, topic: str | None) -> HelpText:
    return HelpText(help_text(topic, actor.audience))


# fmt: off
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("help", Help, show_help),
    Subcommand("whoami", WhoAmI, who_am_i),
    Subcommand("companies", ListCompanies, list_companies),
    Subcommand("company", ShowCompany, show_company),
    Subcommand("company new", NewCompany, create_company),
    Subcommand("company set", SetCompany, update_company),
    Subcommand("apps", ListApps, list_apps),
    Subcommand("app new", NewApp, create_app),
    Subcommand("app domain", SetAppDomain, set_app_domain),
    Subcommand("app plan", SetAppPlan, set_app_plan),
    Subcommand("app delete", DeleteApp, delete_app),
    Subcommand("plans", ListPlans, list_plans),
    Subcommand("plan new", NewPlan, create_plan),
    Subcommand("plan price", RepricePlan, reprice_plan),
    Subcommand("plan retire", RetirePlan, retire_plan),
    Subcommand("api-key new", NewApiKey, create_api_key),
    Subcommand("api-key revoke", RevokeApiKey, revoke_api_key),
    Subcommand("teams", ListTeams, list_teams),
    Subcommand("team new", NewTeam, create_team),
    Subcommand("team add", AddTeamMember, add_team_member),
    Subcommand("team remove", RemoveTeamMember, remove_team_member),
    Subcommand("grant", Grant, grant_access),
    Subcommand("revoke", Revoke, revoke_access),
    Subcommand("access", ShowAccess, list_access),
    Subcommand("statement", ShowStatement, show_statement),
    Subcommand("usage", RecordUsage, record_usage),
    Subcommand("pay", Pay, pay_link),
    Subcommand("mark-paid", MarkPaid, mark_paid),
    Subcommand("channel link", LinkChannel, link_channel),
    Subcommand("channel unlink", UnlinkChannel, unlink_channel),
    Subcommand("reminders", ShowReminders, show_reminders),
    Subcommand("reminders", SetReminders, set_reminders),
    Subcommand("invite-client", InviteClient, invite_client),
    Subcommand("invite", Invite, invite_to_company),
    Subcommand("accept", Accept, accept_invitation),
    Subcommand("invites", ListInvites, list_invitations),
    Subcommand("revoke-invite", RevokeInvite, revoke_invitation),
    Subcommand("resend-invite", ResendInvite, resend_invitation),
    Subcommand("leave", Leave, leave_company),
    Subcommand("dismiss", Dismiss, revoke_access),
    Subcommand("handover", Handover, hand_over),
    Subcommand("transfer", Transfer, transfer_app),
    Subcommand("audit", Audit, audit_log),
)
# fmt: on

BY_REQUEST: dict[type, Subcommand] = {entry.request: entry for entry in SUBCOMMANDS}


def _check() -> None:
    names = {entry.name for entry in SUBCOMMANDS}
    if names != {e.name for e in ENTRIES} or names != set(BUILDERS):
        raise RuntimeError("bot.registry, the help entries and the grammar's builders disagree")


_check()
