"""Accepting an invitation into a company: the role is given (or kept, if stronger)."""

from datetime import datetime

from sqlmodel import Session

from billing.roles import stronger
from commands.invitation_accepted import Accepted, record_acceptance
from storage.access_rows import access_row
from storage.locks import lock_company
from storage.tables import Access, Company, Invitation, Person, id_of


def join(session: Session, invitation: Invitation, invitee: Person, now: datetime) -> Accepted:
    company = session.get(Company, invitation.company_id)
    assert company is not None and invitation.role is not None
    key = id_of(company)
    lock_company(session, key)
    held = access_row(session, key, person_id=id_of(invitee))
    if held is None:
        session.add(
            Access(company_id=key, person_id=invitee.id, role=invitation.role, created_at=now)
        )
        role = invitation.role
    else:  # someone who already holds a role keeps the stronger one
        if stronger(invitation.role, held.role):
            held.role = invitation.role
        role = held.role
    to_inviter = (
        f"{invitee.name} accepted invitation #{invitation.id} and is now {role} of {company.name}."
    )
    to_invitee = f"You are now {role} of {company.name}."
    record_acceptance(session, invitation, invitee, now, key, to_inviter, to_invitee, role=role)
    return Accepted("access", company.name, invitation.workspace_id, key, role)
