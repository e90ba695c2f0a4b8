"""The companies you can see, with your role and their app counts (operators see them all)."""

from dataclasses import dataclass

from commands.actor import Actor
from storage.company_queries import company_lines
from storage.roles import companies_of
from storage.unit_of_work import UnitOfWork

LIST_LIMIT = 200  # a Slack message shows this many lines well; the reply says how many more


@dataclass(frozen=True)
class ListCompanies:
    pass


@dataclass(frozen=True)
class CompanyLine:
    name: str
    role: str | None
    apps: int


@dataclass(frozen=True)
class CompanyList:
    items: list[CompanyLine]
    everyone: bool  # an operator's view of the whole workspace
    total: int  # how many there are; items holds the first ones by name


def list_companies(uow: UnitOfWork, *, actor: Actor) -> CompanyList:
    """Your companies; operators see every company of the workspace."""
    with uow.read():
        session = uow.session
        roles = companies_of(session, actor.person_id)
        member_of = None if actor.is_operator else actor.person_id
        rows, total = company_lines(session, actor.workspace_id, member_of, LIST_LIMIT)
        items = [CompanyLine(name, roles.get(key), apps) for key, name, apps in rows]
        return CompanyList(items, everyone=actor.is_operator, total=total)
