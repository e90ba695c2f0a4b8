"""Inviting a person into an existing company with a role."""

from dataclasses import dataclass
from datetime import datetime

from billing.refs import PersonRef
from billing.roles import check_role, require_can_assign
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.invitation_links import addressed, new_link
from commands.invitation_sent import InvitationSent, sent_to
from commands.resolve import invitee_person, visible_company
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
        invitation = addressed(actor, person, now, kind="access", company_id=seen.id, role=role)
        link = new_link(
            uow.session, invitation, now=now, ttl_hours=ttl_hours, public_url=public_url
        )
        detail = {"invitation": invitation.id, "invitee": person.name, "role": role}
        commit_change(uow, actor, "invitation.sent", now=now, company_id=seen.id, **detail)
    return sent_to(
        person, invitation, link, actor.name, "access", company=seen.company.name, role=role
    )
