"""From a parsed request to the one use case that serves it."""

from datetime import datetime

from bot import requests as r
from bot.grammar import help_text
from commands import access, apps, companies, plans, statements, teams
from commands.actor import Actor
from commands.statements import Calendar
from commands.views import Done
from commands.whoami import who_am_i
from storage.unit_of_work import UnitOfWork


def run(
    request: r.Request,
    *,
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    calendar: Calendar = Calendar(),
) -> object:
    """Call the use case for `request`; domain errors pass through to the door's one handler."""
    match request:
        case r.Help(topic):
            return Done(help_text(topic, actor.audience))
        case r.WhoAmI():
            return who_am_i(uow=uow, actor=actor)
        case r.ListCompanies():
            return companies.list_companies(uow=uow, actor=actor)
        case r.ShowCompany(company):
            return companies.show_company(uow=uow, actor=actor, company=company)
        case r.NewCompany(name, email, currency, timezone, owner):
            return companies.create_company(
                uow=uow,
                actor=actor,
                now=now,
                name=name,
                email=email,
                currency=currency,
                timezone=timezone,
                owner=owner,
            )
        case r.SetCompany(company, name, email, currency, timezone):
            return companies.update_company(
                uow=uow,
                actor=actor,
                now=now,
                company=company,
                name=name,
                email=email,
                currency=currency,
                timezone=timezone,
            )
        case r.ListApps(company):
            return apps.list_apps(uow=uow, actor=actor, company=company)
        case r.NewApp(name, company, environment, plan, trial):
            return apps.create_app(
                uow=uow,
                actor=actor,
                now=now,
                name=name,
                company=company,
                environment=environment,
                plan=plan,
                trial=trial,
            )
        case r.SetAppDomain(app, domain, since):
            return apps.set_app_domain(
                uow=uow, actor=actor, now=now, app=app, domain=domain, since=since
            )
        case r.SetAppPlan(app, plan, since):
            return apps.set_app_plan(uow=uow, actor=actor, now=now, app=app, plan=plan, since=since)
        case r.DeleteApp(app, on):
            return apps.delete_app(uow=uow, actor=actor, now=now, app=app, on=on)
        case r.NewPlan(name, amount_minor, currency, environment, metric, unit, included):
            return plans.create_plan(
                uow=uow,
                actor=actor,
                now=now,
                name=name,
                amount_minor=amount_minor,
                currency=currency,
                environment=environment,
                metric=metric,
                unit_price_minor=unit,
                included=included,
            )
        case r.ListPlans():
            return plans.list_plans(uow=uow, actor=actor)
        case r.ListTeams():
            return teams.list_teams(uow=uow, actor=actor)
        case r.NewTeam(name):
            return teams.create_team(uow=uow, actor=actor, now=now, name=name)
        case r.AddTeamMember(team, person, team_access):
            return teams.add_team_member(
                uow=uow, actor=actor, now=now, team=team, person=person, access=team_access
            )
        case r.RemoveTeamMember(team, person):
            return teams.remove_team_member(uow=uow, actor=actor, now=now, team=team, person=person)
        case r.Grant(subject, company, role):
            return access.grant_access(
                uow=uow, actor=actor, now=now, subject=subject, company=company, role=role
            )
        case r.Revoke(subject, company):
            return access.revoke_access(
                uow=uow, actor=actor, now=now, subject=subject, company=company
            )
        case r.ShowAccess(company):
            return access.list_access(uow=uow, actor=actor, company=company)
        case r.ShowStatement(company, month, csv):
            return statements.show_statement(
                uow=uow,
                actor=actor,
                now=now,
                company=company,
                month=month,
                csv=csv,
                calendar=calendar,
            )
        case r.RecordUsage(app, metric, quantity, on):
            return statements.record_usage(
                uow=uow, actor=actor, now=now, app=app, metric=metric, quantity=quantity, on=on
            )
        case r.MarkPaid(company, month):
            return statements.mark_paid(uow=uow, actor=actor, now=now, company=company, month=month)
    raise TypeError(f"no use case for {type(request).__name__}")
