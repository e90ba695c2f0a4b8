"""An owner of the target company approves or declines a transfer request, once."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from billing.errors import Invalid, NotFound
from billing.invitations import InvitationUnusable, Lifetime
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.move_app import move
from storage.claims import claim
from storage.notices import notify
from storage.roles import role_of
from storage.tables import App, Company, TransferRequest
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class TransferDecided:
    by: str  # who decided
    app: str
    company: str  # the target
    last_day: date | None  # approved: the last day the old company pays; None: declined


def decide_transfer(
    uow: UnitOfWork, *, actor: Actor, request_id: int, approve: bool, now: datetime
) -> TransferDecided:
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
        if not claim(
            session, TransferRequest, request_id, status=status, by=actor.person_id, now=now
        ):
            raise InvitationUnusable("This transfer request was already answered.")
        app = session.get(App, request.app_id)
        target = session.get(Company, request.to_company_id)
        assert app is not None and target is not None
        if approve and app.company_id != request.from_company_id:
            raise Invalid(f"{app.name} has moved since it was asked for: nothing to do.")
        day = move(session, app, target, actor.person_id, now) if approve else None
        decided = TransferDecided(actor.name, app.name, target.name, day)
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=target.id,
            key=f"transfer:{request_id}:{status}",
            people=[request.requested_by],
            text=transfer_decided_text(decided),
            now=now,
        )
        detail = {"app": app.name, "request": request_id}
        commit_change(uow, actor, f"transfer.{status}", now=now, company_id=target.id, **detail)
    return decided


def transfer_decided_text(decided: TransferDecided) -> str:
    """What the requester is told, and what the decider sees."""
    if decided.last_day is None:
        return f"{decided.by} declined moving {decided.app} to {decided.company}."
    return (
        f"{decided.by} approved: {decided.app} belongs to {decided.company} and is billed "
        f"to it from {decided.last_day + timedelta(days=1)}."
    )
