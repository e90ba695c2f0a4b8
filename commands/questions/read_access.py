"""Whether the asker may read a company's billing, and how.

A person may read a company's billing when they hold a role in it, when they are an operator,
or when they ask in the channel linked to it (linking is an owner's or admin's choice to share
it there). Everything else is as unknown as a company that does not exist.
"""

from dataclasses import dataclass

from sqlmodel import Session

from billing.errors import NotFound
from commands.actor import Actor
from storage.roles import role_of
from storage.tables import Company, id_of


@dataclass(frozen=True)
class ReadAccess:
    """A company as the asker may read it, and how."""

    company: Company
    role: str | None
    through_channel: bool

    @property
    def id(self) -> int:
        return id_of(self.company)


def read_access(
    session: Session, actor: Actor, company_id: int, channel_id: str | None
) -> ReadAccess:
    company = session.get(Company, company_id)
    unknown = NotFound("I can't find that company among those you have access to.")
    if company is None or company.workspace_id != actor.workspace_id:
        raise unknown
    role = role_of(session, company_id, actor.person_id)
    here = bool(channel_id) and company.channel_id == channel_id
    if role is None and not actor.is_operator and not here:
        raise unknown  # the same words as for no company at all: not even its name
    return ReadAccess(company, role, role is None and not actor.is_operator)
