"""Accepting a client invitation: a company of the client's own takes the apps over."""

from datetime import date, datetime, timedelta

from sqlmodel import Session

from billing.calendar import local_date
from billing.errors import AlreadyExists
from billing.invitations import InvitationUnusable
from billing.names import clean_name, slugify
from commands.invitation_accepted import Accepted, record_acceptance
from commands.move_app import move
from storage import lookups
from storage.apps import plans_from
from storage.audit import record_event
from storage.tables import Access, App, Company, Invitation, Person, Plan, PlanAssignment, id_of


def take_over(
    session: Session,
    invitation: Invitation,
    invitee: Person,
    now: datetime,
    billing_name: str | None,
    invoice_email: str | None,
) -> Accepted:
    apps = [session.get(App, key) for key in invitation.app_ids]
    moving = [app for app in apps if app is not None and app.deleted_on is None]
    if not moving:  # every app was deleted meanwhile: no empty company, nothing changes
        raise InvitationUnusable(
            "This invitation no longer has anything to take over: its apps were deleted. "
            "Nothing was set up.",
            code="invitation_empty",
        )
    source = session.get(Company, moving[0].company_id) if moving else None
    name = clean_name(billing_name or invitation.company_name or f"{invitee.name}", "billing name")
    if lookups.company_by_name(session, invitation.workspace_id, name) is not None:
        raise AlreadyExists(f"A company called “{name}” already exists: choose another name.")
    company = Company(
        workspace_id=invitation.workspace_id,
        name=name,
        slug=slugify(name),
        invoice_email=invoice_email or invitee.email,
        currency=source.currency if source else "USD",
        timezone=source.timezone if source else "UTC",
        billing_mode=source.billing_mode if source else "manual",
        created_at=now,
    )
    session.add(company)
    session.flush()
    key = id_of(company)
    session.add(Access(company_id=key, person_id=invitee.id, role="owner", created_at=now))
    session.add(
        Access(company_id=key, person_id=invitation.inviter_id, role="admin", created_at=now)
    )
    move_day = local_date(now, company.timezone)
    plan = session.get(Plan, invitation.plan_id) if invitation.plan_id else None
    for app in moving:
        _move(session, app, company, id_of(invitee), plan, now)
    invitation.result_company_id = key
    names = ", ".join(a.name for a in moving)
    to_inviter = (
        f"{invitee.name} accepted invitation #{invitation.id}: {name} now owns {names} "
        f"(billed to {name} from {move_day + timedelta(days=1)}). You are its admin."
    )
    to_invitee = f'Welcome: {name} is yours and owns {names}. `/billing company "{name}"` shows it.'
    record_acceptance(
        session, invitation, invitee, now, key, to_inviter, to_invitee, apps=names, company=name
    )
    return Accepted(
        "client", name, invitation.workspace_id, key, "owner", tuple(a.name for a in moving)
    )


def _move(
    session: Session, app: App, company: Company, by: int, plan: Plan | None, now: datetime
) -> date:
    """Moved like any transfer; a trial ends with it, and the invitation's plan starts. The plan
    the invite page showed is what the new company pays: plan changes dated from its first day
    on (set before the invitation was accepted) give way to it."""
    day = move(session, app, company, by, now)
    if app.trial:  # the client completed billing: billing starts the day after the move
        app.trial, app.trial_through = False, day
    if plan is not None:
        for later in plans_from(session, id_of(app), day + timedelta(days=1)):
            session.delete(later)
        session.flush()
        record_event(
            session,
            workspace_id=app.workspace_id,
            company_id=id_of(company),
            actor_id=by,
            action="app.plan_set",
            now=now,
            app=app.name,
            plan=plan.name,
            since=(day + timedelta(days=1)).isoformat(),
        )
        session.add(
            PlanAssignment(
                app_id=id_of(app),
                plan_id=id_of(plan),
                since=day + timedelta(days=1),
                created_at=now,
            )
        )
    return day
