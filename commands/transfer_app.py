"""Moving an app to another company: at once for an owner of both, else a request to approve."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.errors import Invalid
from billing.invitations import expiry
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.move_app import move
from commands.resolve import Seen, visible_app, visible_company
from storage.notices import notify
from storage.roles import owners, role_of
from storage.tables import App, Company, TransferRequest, id_of
from storage.transfer_requests import open_request
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Transfer:
    app: str
    to_company: str


@dataclass(frozen=True)
class AppMoved:
    app: str
    from_company: str
    to_company: str
    last_day: date  # the last day the old company pays for it


@dataclass(frozen=True)
class TransferAsked:
    id: int
    app: str
    to_company: str
    asked_on: datetime | None = None  # set when the same request was already waiting


def transfer_app(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    to_company: str,
    now: datetime,
    ttl_hours: int,
) -> AppMoved | TransferAsked:
    with uow:
        session = uow.session
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.TRANSFER_APP, seen.company.name)
        target = _target(uow, actor, row, seen, to_company)
        if role_of(session, id_of(target), actor.person_id) == "owner":
            day = move(session, row, target, actor.person_id, now)
            uow.commit()
            return AppMoved(row.name, seen.company.name, target.name, day)
        waiting = open_request(session, id_of(row), id_of(target), now)
        if waiting is not None:  # asked again: the owners were told once, no second request
            return TransferAsked(id_of(waiting), row.name, target.name, waiting.created_at)
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
        notify(
            session,
            workspace_id=actor.workspace_id,
            company_id=target.id,
            key=f"transfer:{request.id}",
            people=owners(session, id_of(target)),
            now=now,
            notice="transfer_requested",
            facts={
                "requester": actor.name,
                "app": row.name,
                "from_company": seen.company.name,
                "to_company": target.name,
                "request_id": id_of(request),
            },
        )
        detail = {"app": row.name, "to": target.name, "request": request.id}
        commit_change(uow, actor, "transfer.requested", now=now, company_id=seen.id, **detail)
    return TransferAsked(id_of(request), row.name, target.name)


def _target(uow: UnitOfWork, actor: Actor, app: App, seen: Seen, name: str) -> Company:
    """The company the app may move to: another one the actor holds a role in (unknown and
    forbidden answer alike), paying in the same currency."""
    target = visible_company(uow, actor, name).company
    if target.id == seen.id:
        raise Invalid(f"{app.name} already belongs to {target.name}.")
    if target.currency != seen.company.currency:
        raise Invalid(
            f"{target.name} pays in {target.currency} and {seen.company.name} in "
            f"{seen.company.currency}: an app can't move between them."
        )
    return target
