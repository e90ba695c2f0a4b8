"""Accepting an invitation, by its link (web page, `/billing accept`) or its Accept button."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from billing.errors import NotAllowed, NotFound
from billing.names import check_email
from commands.actor import Actor
from commands.invitation_accepted import Accepted
from commands.join_company import join
from commands.pending_invitation import answer, by_token, lifetime
from commands.take_over_apps import take_over
from storage.invitation_queries import drop_pending_reminders
from storage.tables import Invitation, Person, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Accept:
    token: str
    invoice_email: str | None = None


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
        invitation = by_token(uow.session, token)
        result = _accept(uow.session, invitation, now, acceptor, billing_name, invoice_email)
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
    answer(session, invitation, "accepted", invitee.id, now)
    if invitation.kind == "client":
        result = take_over(session, invitation, invitee, now, billing_name, invoice_email)
    else:
        result = join(session, invitation, invitee, now)
    drop_pending_reminders(session, id_of(invitation))
    return result
