"""From a parsed request to the one use case that serves it."""

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Any

from bot import requests as r
from bot.grammar import help_text
from bot.terms import Terms
from commands.accept_invitation import accept_invitation
from commands.actor import Actor
from commands.add_team_member import add_team_member
from commands.audit_log import audit_log
from commands.create_app import create_app
from commands.create_company import create_company
from commands.create_plan import create_plan
from commands.create_team import create_team
from commands.delete_app import delete_app
from commands.grant_access import grant_access
from commands.hand_over import hand_over
from commands.invite_client import invite_client
from commands.invite_to_company import invite_to_company
from commands.leave_company import leave_company
from commands.link_channel import link_channel
from commands.list_access import list_access
from commands.list_apps import list_apps
from commands.list_companies import list_companies
from commands.list_invitations import list_invitations
from commands.list_plans import list_plans
from commands.list_teams import list_teams
from commands.mark_paid import mark_paid
from commands.pay_link import pay_link
from commands.record_usage import record_usage
from commands.remove_team_member import remove_team_member
from commands.resend_invitation import resend_invitation
from commands.revoke_access import revoke_access
from commands.revoke_invitation import revoke_invitation
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.set_reminders import set_reminders
from commands.show_company import show_company
from commands.show_reminders import show_reminders
from commands.show_statement import show_statement
from commands.transfer_app import transfer_app
from commands.unlink_channel import unlink_channel
from commands.update_company import update_company
from commands.views import Done
from commands.who_am_i import who_am_i
from storage.unit_of_work import UnitOfWork


def run(
    request: r.Request,
    *,
    uow: UnitOfWork,
    actor: Actor,
    now: datetime,
    terms: Terms = Terms(),
    channel_id: str | None = None,
) -> object:
    """Call the use case for `request`; domain errors pass through to the door's one handler.

    `channel_id` is the channel the command was typed in (None where there is none: the console).
    """
    match request:
        case r.Help(topic):
            return Done(help_text(topic, actor.audience))
        case r.WhoAmI() | r.ListCompanies() | r.ListTeams():
            return _PEOPLE[type(request)](uow, actor=actor)
        case r.ShowCompany() | r.ShowAccess():
            return _PEOPLE[type(request)](uow, actor=actor, **_fields(request))
        case r.NewCompany():
            return create_company(
                uow, actor=actor, now=now, billing_mode=terms.billing_mode, **_fields(request)
            )
        case r.SetCompany() | r.NewTeam() | r.AddTeamMember() | r.RemoveTeamMember() | r.Grant():
            return _PEOPLE[type(request)](uow, actor=actor, now=now, **_fields(request))
        case r.Revoke() | r.Dismiss():
            return revoke_access(uow, actor=actor, now=now, **_fields(request))
        case r.ListApps(company):
            return list_apps(uow=uow, actor=actor, company=company)
        case r.NewApp(name, company, environment, plan, trial):
            return create_app(
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
            return set_app_domain(
                uow=uow, actor=actor, now=now, app=app, domain=domain, since=since
            )
        case r.SetAppPlan(app, plan, since):
            return set_app_plan(uow=uow, actor=actor, now=now, app=app, plan=plan, since=since)
        case r.DeleteApp(app, on):
            return delete_app(uow=uow, actor=actor, now=now, app=app, on=on)
        case r.NewPlan(name, amount_minor, currency, environment, metric, unit, included):
            return create_plan(
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
            return list_plans(uow=uow, actor=actor)
        case r.ShowStatement(company, month, csv):
            return show_statement(
                uow=uow,
                actor=actor,
                now=now,
                company=company,
                month=month,
                csv=csv,
                calendar=terms.calendar,
            )
        case r.RecordUsage(app, metric, quantity, on):
            return record_usage(
                uow=uow, actor=actor, now=now, app=app, metric=metric, quantity=quantity, on=on
            )
        case r.Pay(company):
            return pay_link(
                uow, terms.gateway, actor=actor, company=company, public_url=terms.public_url
            )
        case r.MarkPaid(company, month):
            return mark_paid(uow=uow, actor=actor, now=now, company=company, month=month)
        case r.LinkChannel(company, channel):
            return link_channel(
                uow, actor=actor, now=now, company=company, channel=channel, here=channel_id
            )
        case r.UnlinkChannel(company):
            return unlink_channel(uow, actor=actor, now=now, company=company)
        case r.ShowReminders(company):
            return show_reminders(uow, actor=actor, company=company)
        case r.SetReminders(company, on, days, time):
            return set_reminders(
                uow, actor=actor, now=now, company=company, on=on, days=days, time=time
            )
    return _collaborate(request, uow=uow, actor=actor, now=now, terms=terms)


def _collaborate(
    request: r.Request, *, uow: UnitOfWork, actor: Actor, now: datetime, terms: Terms
) -> object:
    """Invitations, leaving, handing over, transfers and the audit log."""
    ttl, url = terms.invite_ttl_hours, terms.public_url
    given = _fields(request)
    match request:
        case r.InviteClient() | r.Invite() | r.ResendInvite():
            use_case = _PEOPLE[type(request)]
            return use_case(uow, actor=actor, now=now, ttl_hours=ttl, public_url=url, **given)
        case r.Accept():
            return accept_invitation(uow, acceptor=actor, now=now, **given)
        case r.ListInvites() | r.RevokeInvite() | r.Leave() | r.Handover():
            return _PEOPLE[type(request)](uow, actor=actor, now=now, **given)
        case r.Transfer():
            return transfer_app(
                uow,
                actor=actor,
                now=now,
                ttl_hours=ttl,
                **given,
            )
        case r.Audit():
            return audit_log(uow, actor=actor, **given)
    raise TypeError(f"no use case for {type(request).__name__}")


def _fields(request: r.Request) -> dict[str, Any]:
    """A request's fields by name: they are the use case's keyword parameters."""
    return {f.name: getattr(request, f.name) for f in fields(request)}


# people and collaboration use cases, by the request each serves
_PEOPLE: dict[type, Callable[..., object]] = {
    r.WhoAmI: who_am_i,
    r.ListCompanies: list_companies,
    r.ListTeams: list_teams,
    r.ShowCompany: show_company,
    r.ShowAccess: list_access,
    r.SetCompany: update_company,
    r.NewTeam: create_team,
    r.AddTeamMember: add_team_member,
    r.RemoveTeamMember: remove_team_member,
    r.Grant: grant_access,
    r.InviteClient: invite_client,
    r.Invite: invite_to_company,
    r.ResendInvite: resend_invitation,
    r.ListInvites: list_invitations,
    r.RevokeInvite: revoke_invitation,
    r.Leave: leave_company,
    r.Handover: hand_over,
}
