"""What the asker may do at the company: their role and what it allows."""

from billing.roles import PERMISSIONS, allowed
from commands.actor import Actor
from commands.questions.answers import Permissions
from commands.questions.read_access import read_access
from storage.unit_of_work import UnitOfWork


def permissions(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None
) -> Permissions:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        doable = [a.value for a in PERMISSIONS if allowed(seen.role, a)]
        return Permissions(
            seen.company.name, seen.role, doable, seen.through_channel, actor.is_operator
        )
