"""Moving an app to another company: at once for an owner of both, else a request that an
owner of the target approves or declines. Billing splits by day."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from billing.calendar import local_date
from billing.errors import Invalid, NotFound
from billing.invitations import InvitationUnusable, Lifetime, expiry
from billing.roles import Action, require
from commands.actor import Actor
from commands.resolve import visible_app
from commands.views import Done
from storage import lookups
from storage.audit import record_event
from storage.notices import notify
from storage.roles import effective_roles, role_of
from storage.tables import App, AppOwnership, Company, TransferRequest, id_of
from storage.unit_of_work import UnitOfWork

APPROVE, DECLINE = "transfer_approve", "transfer_decline"  # button action ids


@dataclass(frozen=True)
class TransferAsked:
    id: int
    summary: str


def transfer_app(
    uow: UnitOfWork, *, actor: Actor, app: str, to_company: str, now: datetime, ttl_hours: int
) -> Done | TransferAsked:
    with uow:
        session = uow.session
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.TRANSFER_APP, seen.company.name)
        target = lookups.company_by_name(session, actor.workspace_id, to_company)
        if target is None:
            raise NotFound(f"There is no company called “{to_company}”.")
        if target.id == seen.id:
            raise Invalid(f"{row.name} already belongs to {target.name}.")
        if target.currency != seen.company.currency:
            raise Invalid(
                f"{target.name} pays in {target.currency} and {seen.company.name} in "
                f"{seen.company.currency}: an app can't move between them."
            )
        if role_of(session, id_of(target), actor.person_id) == "owner":
            day = move(session, row, target, actor.person_id, now)
            uow.commit()
            return Done(
                f"{row.name} now belongs to {target.name}: {seen.company.name} pays "
                f"through {day}, {target.name} from {day + timedelta(days=1)}."
            )
        request = TransferRequest(
            workspace_id=actor.workspace_id,
            app_id=id_of(row),
            from_company_id=seen.id,
            to_company_id=id_of(target),
            requested_by=actor.person_id,
            created_at=now,
            expires_at=expiry(now, ttl_hours),
        )
        session.add(request)
        session.flush()
        owners = [p for p, r in effective_roles(session, id_of(target)).items() if r == "owner"]
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=target.id,
            key=f"transfer:{request.id}",
            people=owners,
            now=now,
            text=f"{actor.name} asks to move {row.name} from {seen.company.name} to "
            f"{target.name}; {target.name} would pay for it from the day after you "
            "approve.",
            buttons=[
                {"text": "Approve", "action_id": APPROVE, "value": str(request.id)},
                {"text": "Decline", "action_id": DECLINE, "value": str(request.id)},
            ],
        )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="transfer.requested",
            now=now,
            app=row.name,
            to=target.name,
            request=request.id,
        )
        uow.commit()
    return TransferAsked(
        id_of(request),
        f"Asked the owners of {target.name} to accept {row.name} (request #{request.id}).",
    )


def move(session: Session, app: App, target: Company, by: int, now: datetime) -> date:
    """The old company pays through today, the new one from tomorrow (the target's clock)."""
    day = local_date(now, target.timezone)
    old = app.company_id
    app.company_id = id_of(target)
    since = day + timedelta(days=1)
    same_day = session.exec(
        select(AppOwnership).where(AppOwnership.app_id == app.id, AppOwnership.since == since)
    ).first()
    if same_day is not None:  # moved twice in a day: the last move owns it from tomorrow
        same_day.company_id = id_of(target)
    else:
        session.add(AppOwnership(app_id=id_of(app), company_id=id_of(target), since=since))

    for company_id in (old, id_of(target)):
        record_event(
            session,
            workspace_id=app.workspace_id,
            company_id=company_id,
            actor_id=by,
            action="app.transferred",
            now=now,
            app=app.name,
            from_company=old,
            to_company=target.id,
            since=(day + timedelta(days=1)).isoformat(),
        )
    return day


def decide_transfer(
    uow: UnitOfWork, *, actor: Actor, request_id: int, approve: bool, now: datetime
) -> Done:
    with uow:
        session = uow.session
        request = session.get(TransferRequest, request_id)
        if (
            request is None
            or request.workspace_id != actor.workspace_id
            or role_of(session, request.to_company_id, actor.person_id) != "owner"
        ):
            raise NotFound(f"There is no transfer request #{request_id} for you to answer.")
        Lifetime(request.status, request.expires_at).require_open(now, "transfer request")
        status = "approved" if approve else "declined"
        changed = (
            session.connection()
            .execute(
                update(TransferRequest)
                .where(
                    col(TransferRequest.id) == request_id, col(TransferRequest.status) == "pending"
                )
                .values(status=status, decided_at=now, decided_by=actor.person_id)
            )
            .rowcount
        )
        if changed != 1:
            raise InvitationUnusable("This transfer request was already answered.")
        app = session.get(App, request.app_id)
        target = session.get(Company, request.to_company_id)
        assert app is not None and target is not None
        if approve and app.company_id != request.from_company_id:
            raise Invalid(f"{app.name} has moved since it was asked for: nothing to do.")
        text = f"{actor.name} declined moving {app.name} to {target.name}."
        if approve:
            day = move(session, app, target, actor.person_id, now)
            text = (
                f"{actor.name} approved: {app.name} belongs to {target.name} and is billed "
                f"to it from {day + timedelta(days=1)}."
            )
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=target.id,
            key=f"transfer:{request_id}:{status}",
            people=[request.requested_by],
            text=text,
            now=now,
        )
        record_event(
            session,
            workspace_id=actor.workspace_id,
            company_id=target.id,
            actor_id=actor.person_id,
            action=f"transfer.{status}",
            now=now,
            app=app.name,
            request=request_id,
        )
        uow.commit()
    return Done(text)
