"""Builders: for each subcommand, its sorted arguments read into one typed request."""

from collections.abc import Callable

from bot.grammar.arguments import Args
from bot.grammar.combined_builders import company_set, plan_new, plan_price, reminders_request
from bot.grammar.help import Help
from bot.grammar.values.choices import environment, role, team_access
from bot.grammar.values.dates import day, month, timezone
from bot.grammar.values.links import domain, invitation_token
from bot.grammar.values.names import app, apps, company, metric, plan, team
from bot.grammar.values.numbers import currency, number, signed_count
from bot.grammar.values.people import channel, email, person, person_or_email, subject
from commands.accept_invitation import Accept
from commands.add_team_member import AddTeamMember
from commands.audit_log import Audit
from commands.create_api_key import NewApiKey
from commands.create_app import NewApp
from commands.create_company import NewCompany
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
from commands.retire_plan import RetirePlan
from commands.revoke_access import Dismiss, Revoke
from commands.revoke_api_key import RevokeApiKey
from commands.revoke_invitation import RevokeInvite
from commands.set_app_domain import SetAppDomain
from commands.set_app_plan import SetAppPlan
from commands.show_company import ShowCompany
from commands.show_statement import ShowStatement
from commands.transfer_app import Transfer
from commands.unlink_channel import UnlinkChannel
from commands.who_am_i import WhoAmI

Builder = Callable[[Args], object]


# fmt: off
BUILDERS: dict[str, Builder] = {
    "help": lambda a: Help(),  # `parse` reads help topics itself, as free text
    "whoami": lambda a: WhoAmI(),
    "companies": lambda a: ListCompanies(),
    "company": lambda a: ShowCompany(company(a.req(0))),
    "company new": lambda a: NewCompany(
        name=company(a.req(0)), email=a.opt("email", email),
        currency=a.opt("currency", currency), timezone=a.opt("tz", timezone),
        owner=a.opt("owner", person),
    ),
    "company set": company_set,
    "apps": lambda a: ListApps(a.pos(0, company)),
    "app new": lambda a: NewApp(
        name=app(a.req(0)), company=company(a.options["company"]),
        environment=a.opt("env", environment) or "production", plan=a.opt("plan", plan),
        trial="trial" in a.flags,
    ),
    "app domain": lambda a: SetAppDomain(app(a.req(0)), domain(a.req(1)), a.opt("since", day)),
    "app plan": lambda a: SetAppPlan(app(a.req(0)), plan(a.req(1)), a.opt("since", day)),
    "app delete": lambda a: DeleteApp(app(a.req(0)), a.opt("on", day)),
    "plans": lambda a: ListPlans(),
    "plan new": plan_new,
    "api-key new": lambda a: NewApiKey(a.req(0).text),
    "api-key revoke": lambda a: RevokeApiKey(a.req(0).text),
    "plan price": plan_price,
    "plan retire": lambda a: RetirePlan(plan(a.req(0))),
    "teams": lambda a: ListTeams(),
    "team new": lambda a: NewTeam(team(a.req(0))),
    "team add": lambda a: AddTeamMember(
        team(a.req(0)), person(a.req(1)), a.opt("access", team_access) or "unlimited"
    ),
    "team remove": lambda a: RemoveTeamMember(team(a.req(0)), person(a.req(1))),
    "grant": lambda a: Grant(
        subject(a.req(0)), company(a.options["company"]), role(a.options["role"])
    ),
    "revoke": lambda a: Revoke(subject(a.req(0)), company(a.options["company"])),
    "access": lambda a: ShowAccess(company(a.req(0))),
    "statement": lambda a: ShowStatement(
        company(a.req(0)), a.pos(1, month), "csv" in a.flags, "pdf" in a.flags
    ),
    "usage": lambda a: RecordUsage(
        app(a.req(0)), metric(a.req(1)), signed_count(a.req(2)), a.opt("on", day)
    ),
    "mark-paid": lambda a: MarkPaid(company(a.req(0)), month(a.req(1))),
    "pay": lambda a: Pay(company(a.req(0))),
    "channel link": lambda a: LinkChannel(company(a.req(0)), a.pos(1, channel)),
    "channel unlink": lambda a: UnlinkChannel(company(a.req(0))),
    "reminders": reminders_request,
    "invite-client": lambda a: InviteClient(
        person_or_email(a.req(0)), apps(a.options["app"]),
        a.opt("company", company), a.opt("plan", plan),
    ),
    "invite": lambda a: Invite(
        person_or_email(a.req(0)), company(a.options["company"]), role(a.options["role"])
    ),
    "accept": lambda a: Accept(invitation_token(a.req(0)), a.opt("email", email)),
    "invites": lambda a: ListInvites(a.pos(0, company)),
    "revoke-invite": lambda a: RevokeInvite(number(a.req(0))),
    "resend-invite": lambda a: ResendInvite(number(a.req(0))),
    "leave": lambda a: Leave(company(a.req(0))),
    "dismiss": lambda a: Dismiss(person(a.req(0)), company(a.options["company"])),
    "handover": lambda a: Handover(company(a.req(0)), person(a.options["to"])),
    "transfer": lambda a: Transfer(app(a.req(0)), company(a.options["to"])),
    "audit": lambda a: Audit(company(a.req(0)), a.opt("page", number) or 1),
}
# fmt: on
