"""Builders: for each subcommand, its sorted arguments read into one typed request."""

from collections.abc import Callable

from bot import requests as rq
from bot.grammar.arguments import Args
from bot.grammar.errors import Bad
from bot.grammar.tokens import Token
from bot.grammar.values.choices import environment, role, team_access
from bot.grammar.values.dates import day, days, month, time, timezone
from bot.grammar.values.links import domain, invitation_token
from bot.grammar.values.names import app, apps, company, metric, plan, team
from bot.grammar.values.numbers import amount, count, currency, number
from bot.grammar.values.people import channel, email, person, person_or_email, subject

Builder = Callable[[Args], rq.Request]


def _company_set(a: Args) -> rq.Request:
    if not a.options:
        raise Bad("Nothing to change: give at least one of name:, email:, currency:, tz:.")
    return rq.SetCompany(
        company=company(a.req(0)),
        name=a.opt("name", company),
        email=a.opt("email", email),
        currency=a.opt("currency", currency),
        timezone=a.opt("tz", timezone),
    )


def _plan_new(a: Args) -> rq.Request:
    code = currency(a.req(2))

    def price(tok: Token) -> int:
        return amount(tok, code)

    return rq.NewPlan(
        name=plan(a.req(0)),
        amount_minor=price(a.req(1)),
        currency=code,
        environment=a.opt("env", environment) or "production",
        metric=a.opt("metric", metric),
        unit_price_minor=a.opt("unit", price),
        included=a.opt("included", count),
    )


def _reminders(a: Args) -> rq.Request:
    name = company(a.req(0))
    if not a.options and not a.flags:
        return rq.ShowReminders(name)
    if {"on", "off"} <= a.flags:
        raise Bad("Give on or off, not both.")
    return rq.SetReminders(
        name,
        on=True if "on" in a.flags else False if "off" in a.flags else None,
        days=a.opt("days", days),
        time=a.opt("time", time),
    )


# fmt: off
BUILDERS: dict[str, Builder] = {
    "help": lambda a: rq.Help(),  # `parse` reads help topics itself, as free text
    "whoami": lambda a: rq.WhoAmI(),
    "companies": lambda a: rq.ListCompanies(),
    "company": lambda a: rq.ShowCompany(company(a.req(0))),
    "company new": lambda a: rq.NewCompany(
        name=company(a.req(0)), email=a.opt("email", email),
        currency=a.opt("currency", currency), timezone=a.opt("tz", timezone),
        owner=a.opt("owner", person),
    ),
    "company set": _company_set,
    "apps": lambda a: rq.ListApps(a.pos(0, company)),
    "app new": lambda a: rq.NewApp(
        name=app(a.req(0)), company=company(a.options["company"]),
        environment=a.opt("env", environment) or "production", plan=a.opt("plan", plan),
        trial="trial" in a.flags,
    ),
    "app domain": lambda a: rq.SetAppDomain(app(a.req(0)), domain(a.req(1)), a.opt("since", day)),
    "app plan": lambda a: rq.SetAppPlan(app(a.req(0)), plan(a.req(1)), a.opt("since", day)),
    "app delete": lambda a: rq.DeleteApp(app(a.req(0)), a.opt("on", day)),
    "plans": lambda a: rq.ListPlans(),
    "plan new": _plan_new,
    "teams": lambda a: rq.ListTeams(),
    "team new": lambda a: rq.NewTeam(team(a.req(0))),
    "team add": lambda a: rq.AddTeamMember(
        team(a.req(0)), person(a.req(1)), a.opt("access", team_access) or "unlimited"
    ),
    "team remove": lambda a: rq.RemoveTeamMember(team(a.req(0)), person(a.req(1))),
    "grant": lambda a: rq.Grant(
        subject(a.req(0)), company(a.options["company"]), role(a.options["role"])
    ),
    "revoke": lambda a: rq.Revoke(subject(a.req(0)), company(a.options["company"])),
    "access": lambda a: rq.ShowAccess(company(a.req(0))),
    "statement": lambda a: rq.ShowStatement(
        company(a.req(0)), a.pos(1, month), "csv" in a.flags
    ),
    "usage": lambda a: rq.RecordUsage(
        app(a.req(0)), metric(a.req(1)), count(a.req(2)), a.opt("on", day)
    ),
    "mark-paid": lambda a: rq.MarkPaid(company(a.req(0)), month(a.req(1))),
    "pay": lambda a: rq.Pay(company(a.req(0))),
    "channel link": lambda a: rq.LinkChannel(company(a.req(0)), a.pos(1, channel)),
    "channel unlink": lambda a: rq.UnlinkChannel(company(a.req(0))),
    "reminders": _reminders,
    "invite-client": lambda a: rq.InviteClient(
        person_or_email(a.req(0)), apps(a.options["app"]),
        a.opt("company", company), a.opt("plan", plan),
    ),
    "invite": lambda a: rq.Invite(
        person_or_email(a.req(0)), company(a.options["company"]), role(a.options["role"])
    ),
    "accept": lambda a: rq.Accept(invitation_token(a.req(0)), a.opt("email", email)),
    "invites": lambda a: rq.ListInvites(a.pos(0, company)),
    "revoke-invite": lambda a: rq.RevokeInvite(number(a.req(0))),
    "resend-invite": lambda a: rq.ResendInvite(number(a.req(0))),
    "leave": lambda a: rq.Leave(company(a.req(0))),
    "dismiss": lambda a: rq.Dismiss(person(a.req(0)), company(a.options["company"])),
    "handover": lambda a: rq.Handover(company(a.req(0)), person(a.options["to"])),
    "transfer": lambda a: rq.Transfer(app(a.req(0)), company(a.options["to"])),
    "audit": lambda a: rq.Audit(company(a.req(0)), a.opt("page", number) or 1),
}
# fmt: on
