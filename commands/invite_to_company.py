"""Inviting a person into an existing company with a role."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid
from billing.refs import PersonRef
from billing.roles import check_role, require_can_assign
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.invitation_links import open_invitation
from commands.invitation_sent import InvitationSent
from commands.resolve import invitee_person, visible_company
from storage.tables import id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Invite:
    invitee: PersonRef
    company: str
    role: str


def invite_to_company(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitee: PersonRef,
    company: str,
    role: str,
    now: datetime,
    ttl_hours: int,
    public_url: str,
) -> InvitationSent:
    role = check_role(role)
    with uow:
        seen = visible_company(uow, actor, company)
        require_can_assign(seen.role, role, seen.company.name)
        person = invitee_person(uow, actor, invitee, now)
        if person.id == actor.person_id:
            raise Invalid("You can't invite yourself.")
        invitation, link = open_invitation(
            uow.session,
            actor,
            person,
            now=now,
            ttl_hours=ttl_hours,
            public_url=public_url,
            kind="access",
            company_id=seen.id,
            role=role,
        )
        detail = {"invitation": invitation.id, "invitee": person.name, "role": role}
        commit_change(uow, actor, "invitation.sent", now=now, company_id=seen.id, **detail)
    return InvitationSent(
        id_of(invitation),
        link,
        actor.name,
        person.name,
        invitation.expires_at,
        "access",
        company=seen.company.name,
        role=role,
        to_user_id=person.slack_user_id,
        to_email=person.email,
    )
