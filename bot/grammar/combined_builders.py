"""The builders that check more than one argument together: company set, plan new and price,
reminders."""

from bot.grammar.arguments import Args
from bot.grammar.errors import Bad
from bot.grammar.values.choices import environment
from bot.grammar.values.dates import day, days, time, timezone
from bot.grammar.values.names import company, metric, plan
from bot.grammar.values.numbers import amount, count, currency, unit_price
from bot.grammar.values.people import email
from commands.create_plan import NewPlan
from commands.reprice_plan import RepricePlan
from commands.set_reminders import SetReminders
from commands.show_reminders import ShowReminders
from commands.update_company import SetCompany


def company_set(a: Args) -> object:
    if not a.options:
        raise Bad("Nothing to change: give at least one of name:, email:, currency:, tz:.")
    return SetCompany(
        company=company(a.req(0)),
        name=a.opt("name", company),
        email=a.opt("email", email),
        currency=a.opt("currency", currency),
        timezone=a.opt("tz", timezone),
    )


def plan_new(a: Args) -> object:
    code = currency(a.req(2))
    return NewPlan(
        name=plan(a.req(0)),
        amount_minor=amount(a.req(1), code),
        currency=code,
        environment=a.opt("env", environment) or "production",
        metric=a.opt("metric", metric),
        unit_price_micros=a.opt("unit", lambda tok: unit_price(tok, code)),
        included=a.opt("included", count),
    )


def plan_price(a: Args) -> object:
    code = currency(a.req(2))
    return RepricePlan(
        plan=plan(a.req(0)),
        amount_minor=amount(a.req(1), code),
        currency=code,
        unit_price_micros=a.opt("unit", lambda tok: unit_price(tok, code)),
        included=a.opt("included", count),
        start=a.opt("from", day),
    )


def reminders_request(a: Args) -> object:
    name = company(a.req(0))
    if not a.options and not a.flags:
        return ShowReminders(name)
    if {"on", "off"} <= a.flags:
        raise Bad("Give on or off, not both.")
    return SetReminders(
        name,
        on=True if "on" in a.flags else False if "off" in a.flags else None,
        days=a.opt("days", days),
        time=a.opt("time", time),
    )
