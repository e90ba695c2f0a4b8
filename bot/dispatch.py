"""From a parsed request to the one use case that serves it."""

from datetime import datetime

from bot import requests as r
from bot.grammar import help_text
from bot.terms import Terms
from commands import (
    accept_invitation,
    access,
    audit_log,
    companies,
    invitation_answers,
    invitations,
    membership,
    teams,
    transfers,
)
from commands.actor import Actor
from commands.create_app import create_app
from commands.create_plan import create_plan
from commands.delete_app import delete_app
from commands.link_channel import link_channel
from commands.list_apps import list_apps
from commands.list_plans import list_plans
from commands.mark_paid import mark_paid
from commands.pay_link import pay_link
from commands.record_usage import record_usage
from commands.set_app_domain import set_app_domain
from commands.set_app_plan import set_app_plan
from commands.set_reminders import set_reminders
from commands.show_reminders import show_reminders
from commands.show_statement import show_statement
from commands.unlink_channel import unlink_channel
from commands.views import Done
from commands.whoami import who_am_i
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
                billing_mode=terms.billing_mode,
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
    match request:
        case r.InviteClient(invitee, app_names, company, plan):
            return invitations.invite_client(
                uow,
                actor=actor,
                invitee=invitee,
                apps=list(app_names),
                company_name=company,
                plan=plan,
                now=now,
                ttl_hours=ttl,
                public_url=url,
            )
        case r.Invite(invitee, company, role):
            return invitations.invite_to_company(
                uow,
                actor=actor,
                invitee=invitee,
                company=company,
                role=role,
                now=now,
                ttl_hours=ttl,
                public_url=url,
            )
        case r.Accept(token, email):
            return accept_invitation.accept_invitation(
                uow, token=token, acceptor=actor, invoice_email=email, now=now
            )
        case r.ListInvites(company):
            return invitation_answers.list_invitations(uow, actor=actor, company=company, now=now)
        case r.RevokeInvite(key):
            return invitation_answers.revoke_invitation(
                uow, actor=actor, invitation_id=key, now=now
            )
        case r.ResendInvite(key):
            return invitation_answers.resend_invitation(
                uow, actor=actor, invitation_id=key, now=now, ttl_hours=ttl, public_url=url
            )
        case r.Leave(company):
            return membership.leave_company(uow, actor=actor, company=company, now=now)
        case r.Dismiss(person, company):
            return access.revoke_access(uow, actor=actor, subject=person, company=company, now=now)
        case r.Handover(company, to):
            return membership.hand_over(uow, actor=actor, company=company, to=to, now=now)
        case r.Transfer(app, to):
            return transfers.transfer_app(
                uow, actor=actor, app=app, to_company=to, now=now, ttl_hours=ttl
            )
        case r.Audit(company, page):
            return audit_log.audit_log(uow, actor=actor, company=company, page=page)
    raise TypeError(f"no use case for {type(request).__name__}")
