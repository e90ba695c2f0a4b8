"""Accepting an invitation, from Slack or from the web page: the client's own company is made,
the apps move into it (billing splits by day), and both sides are told."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from billing.calendar import local_date
from billing.errors import AlreadyExists, NotAllowed, NotFound
from billing.names import check_email, clean_name, slugify
from billing.roles import stronger
from commands.actor import Actor
from commands.invitations import by_token, claim, drop_reminders, lifetime
from commands.transfers import move
from storage import lookups
from storage.audit import record_event
from storage.locks import lock_company
from storage.notices import notify
from storage.tables import (
    Access,
    App,
    Company,
    Invitation,
    Person,
    Plan,
    PlanAssignment,
    id_of,
)
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Accepted:
    summary: str
    company: str
    workspace_id: int
    company_id: int
    role: str


def accept_invitation(
    uow: UnitOfWork,
    *,
    token: str,
    now: datetime,
    acceptor: Actor | None = None,
    billing_name: str | None = None,
    invoice_email: str | None = None,
) -> Accepted:
    """`acceptor` is the Slack user accepting; None when the web page accepts by the link."""
    invoice_email = check_email(invoice_email) if invoice_email is not None else None
    with uow:
        result = _accept(
            uow.session, by_token(uow.session, token), now, acceptor, billing_name, invoice_email
        )
        uow.commit()
    return result


def accept_by_id(
    uow: UnitOfWork, *, invitation_id: int, acceptor: Actor, now: datetime
) -> Accepted:
    """The Accept button in the invitee's DM: Slack says who clicked, no link needed."""
    with uow:
        invitation = uow.session.get(Invitation, invitation_id)
        if invitation is None or invitation.workspace_id != acceptor.workspace_id:
            raise NotFound(f"There is no invitation #{invitation_id} for you.")
        result = _accept(uow.session, invitation, now, acceptor, None, None)
        uow.commit()
    return result


def _accept(
    session: Session,
    invitation: Invitation,
    now: datetime,
    acceptor: Actor | None,
    billing_name: str | None,
    invoice_email: str | None,
) -> Accepted:
    invitee = session.get(Person, invitation.invitee_person_id)
    assert invitee is not None
    if acceptor is not None and acceptor.person_id != invitee.id:
        raise NotAllowed("This invitation is for someone else.")
    lifetime(invitation).require_open(now)
    claim(session, invitation, "accepted", invitee.id, now)
    if invitation.kind == "client":
        result = _take_over(session, invitation, invitee, now, billing_name, invoice_email)
    else:
        result = _join(session, invitation, invitee, now)
    drop_reminders(session, invitation)
    return result


def _take_over(
    session: Session,
    invitation: Invitation,
    invitee: Person,
    now: datetime,
    billing_name: str | None,
    invoice_email: str | None,
) -> Accepted:
    apps = [session.get(App, key) for key in invitation.app_ids]
    moving = [app for app in apps if app is not None and app.deleted_on is None]
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
    names = ", ".join(a.name for a in moving) or "no apps (they were deleted meanwhile)"
    record_event(
        session,
        workspace_id=invitation.workspace_id,
        company_id=key,
        actor_id=invitee.id,
        action="invitation.accepted",
        now=now,
        invitation=invitation.id,
        apps=names,
        company=name,
    )
    _tell_both(
        session,
        invitation,
        invitee,
        now,
        f"{invitee.name} accepted invitation #{invitation.id}: {name} now owns {names} "
        f"(billed to {name} from {move_day + timedelta(days=1)}). You are its admin.",
        f'Welcome: {name} is yours and owns {names}. `/billing company "{name}"` shows it.',
        key,
    )
    return Accepted(
        f"{name} is set up and owns {names}; you are its owner.",
        name,
        invitation.workspace_id,
        key,
        "owner",
    )


def _move(
    session: Session, app: App, company: Company, by: int, plan: Plan | None, now: datetime
) -> date:
    """Moved like any transfer; a trial ends with it, and the invitation's plan starts."""
    day = move(session, app, company, by, now)
    if app.trial:  # the client completed billing: billing starts the day after the move
        app.trial, app.trial_through = False, day
    if plan is not None:
        session.add(
            PlanAssignment(
                app_id=id_of(app),
                plan_id=id_of(plan),
                since=day + timedelta(days=1),
                created_at=now,
            )
        )
    return day


def _join(session: Session, invitation: Invitation, invitee: Person, now: datetime) -> Accepted:
    company = session.get(Company, invitation.company_id)
    assert company is not None and invitation.role is not None
    lock_company(session, id_of(company))
    held = session.exec(
        select(Access).where(Access.company_id == company.id, Access.person_id == invitee.id)
    ).first()
    if held is None:
        session.add(
            Access(
                company_id=id_of(company),
                person_id=invitee.id,
                role=invitation.role,
                created_at=now,
            )
        )
        role = invitation.role
    else:  # someone who already holds a role keeps the stronger one
        if stronger(invitation.role, held.role):
            held.role = invitation.role
        role = held.role
    record_event(
        session,
        workspace_id=invitation.workspace_id,
        company_id=company.id,
        actor_id=invitee.id,
        action="invitation.accepted",
        now=now,
        invitation=invitation.id,
        role=role,
    )
    _tell_both(
        session,
        invitation,
        invitee,
        now,
        f"{invitee.name} accepted invitation #{invitation.id} and is now {role} of {company.name}.",
        f"You are now {role} of {company.name}.",
        company.id,
    )
    return Accepted(
        f"You are now {role} of {company.name}.",
        company.name,
        invitation.workspace_id,
        id_of(company),
        role,
    )


def _tell_both(
    session: Session,
    invitation: Invitation,
    invitee: Person,
    now: datetime,
    to_inviter: str,
    to_invitee: str,
    company_id: int | None,
) -> None:
    notify(
        session,
        workspace_id=invitation.workspace_id,
        key=f"accepted:{invitation.id}:inviter",
        people=[invitation.inviter_id],
        text=to_inviter,
        now=now,
        company_id=company_id,
    )
    notify(
        session,
        workspace_id=invitation.workspace_id,
        key=f"accepted:{invitation.id}:invitee",
        people=[invitee.id or 0],
        text=to_invitee,
        now=now,
        company_id=company_id,
    )
