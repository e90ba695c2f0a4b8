"""Which of the company's live apps are billed now and what each plan costs a month, by
SPEC's rules: a production app from its custom-domain day, never on trial days, a staging app
only on a staging plan, nothing on an unbilled plan."""

from datetime import date, datetime

from billing.calendar import local_date
from billing.money import Money
from commands.actor import Actor
from commands.questions.answers import AppBilling, AppCosts, BilledApps
from commands.questions.read_access import read_access
from storage.apps import apps_of, plan_histories
from storage.tables import App, Plan
from storage.unit_of_work import UnitOfWork


def billed_apps(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    app: str | None,
    now: datetime,
) -> BilledApps:
    company, apps, asked = _apps(uow, actor, company_id, channel_id, app, now)
    return BilledApps(company, apps, asked)


def app_costs(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    app: str | None,
    now: datetime,
) -> AppCosts:
    company, apps, asked = _apps(uow, actor, company_id, channel_id, app, now)
    return AppCosts(company, apps, asked)


def _apps(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    channel_id: str | None,
    app: str | None,
    now: datetime,
) -> tuple[str, list[AppBilling], str | None]:
    with uow.read():
        session = uow.session
        seen = read_access(session, actor, company_id, channel_id)
        today = local_date(now, seen.company.timezone)
        live = [a for a in apps_of(session, [seen.id]) if a.deleted_on is None]
        histories = plan_histories(session, [a.id for a in live if a.id is not None])
        apps = [_billing(a, _in_force(histories.get(a.id or 0, []), today), today) for a in live]
        asked = [a for a in apps if a.name == app]
        return seen.company.name, asked or apps, app if asked else None


def _in_force(history: list[tuple[date, Plan]], today: date) -> Plan | None:
    """The plan in force today: the latest change dated today or earlier."""
    started = [plan for since, plan in history if since <= today]
    return started[-1] if started else None


def _billing(app: App, plan: Plan | None, today: date) -> AppBilling:
    monthly = Money(plan.amount_minor, plan.currency) if plan else None
    metered = plan is not None and plan.kind == "metered"
    name = plan.name if plan else None
    return AppBilling(
        app.name, app.environment, name, monthly, metered, _why_unbilled(app, plan, today)
    )


def _why_unbilled(app: App, plan: Plan | None, today: date) -> str | None:
    if plan is None:
        return "staging" if app.environment == "staging" else "no_plan"
    if plan.kind == "unbilled":
        return "free_plan"
    if app.trial:
        return "trial"
    if app.environment == "staging":
        return None if plan.environment == "staging" else "staging"
    if app.domain is None or (app.domain_since is not None and app.domain_since > today):
        return "no_domain"
    return None
