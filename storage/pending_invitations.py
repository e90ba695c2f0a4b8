"""The invitations waiting for a person: addressed to them or to their e-mail, not expired."""

from datetime import datetime

from sqlmodel import Session, col, or_, select

from storage.tables import Company, Invitation, Person


def invitations_waiting_for(
    session: Session, *, workspace_id: int, person_id: int, now: datetime, limit: int
) -> list[tuple[Invitation, str, str | None]]:
    """(invitation, inviter's name, company's name when it exists), soonest to expire first."""
    me = session.get(Person, person_id)
    email = me.email if me else None
    mine = Invitation.invitee_person_id == person_id
    query = (
        select(Invitation, Person.name, Company.name)
        .join(Person, col(Person.id) == Invitation.inviter_id)
        .join(Company, col(Company.id) == Invitation.company_id, isouter=True)
        .where(
            Invitation.workspace_id == workspace_id,
            Invitation.status == "pending",
            col(Invitation.expires_at) > now,
            or_(mine, Invitation.invitee_email == email) if email else mine,
        )
        .order_by(col(Invitation.expires_at))
        .limit(limit)
    )
    return list(session.exec(query).all())
