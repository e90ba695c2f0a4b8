"""Invitations as their use cases find them: by link, pending, and their pending reminders."""

from collections.abc import Collection

from sqlmodel import Session, col, or_, select

from storage.tables import Invitation, Outbox, Person


def by_token_hash(session: Session, token_hash: str) -> Invitation | None:
    query = select(Invitation).where(Invitation.token_hash == token_hash)
    return session.exec(query).first()


def pending_client_invitations(session: Session, workspace_id: int) -> list[Invitation]:
    query = select(Invitation).where(
        Invitation.workspace_id == workspace_id,
        Invitation.kind == "client",
        Invitation.status == "pending",
    )
    return list(session.exec(query))


def pending_managed(
    session: Session, workspace_id: int, inviter_id: int, company_ids: Collection[int]
) -> list[tuple[Invitation, str]]:
    """(invitation, invitee's name) of the pending ones the person sent or that concern one of
    the companies, soonest to expire first."""
    query = (
        select(Invitation, Person.name)
        .join(Person, col(Person.id) == Invitation.invitee_person_id)
        .where(
            Invitation.workspace_id == workspace_id,
            Invitation.status == "pending",
            or_(Invitation.inviter_id == inviter_id, col(Invitation.company_id).in_(company_ids)),
        )
        .order_by(col(Invitation.expires_at))
    )
    return list(session.exec(query))


def drop_pending_reminders(session: Session, invitation_id: int) -> None:
    """The invite_expiring rows of an invitation that needs no reminder any more."""
    query = select(Outbox).where(
        col(Outbox.key).startswith(f"invite_expiring:{invitation_id}:"),
        Outbox.status == "pending",
    )
    for row in session.exec(query):
        session.delete(row)
