"""Who am I here: account type, operator or not, and my companies with roles."""

from dataclasses import dataclass

from billing.roles import ROLES
from commands.actor import Actor
from storage.roles import companies_in, companies_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class WhoAmI:
    pass


@dataclass(frozen=True)
class WhoAmIView:
    name: str
    account_type: str
    is_operator: bool
    companies: list[tuple[str, str]]  # (company, role)


def who_am_i(uow: UnitOfWork, *, actor: Actor) -> WhoAmIView:
    with uow.read():
        roles = companies_of(uow.session, actor.person_id)
        companies = companies_in(uow.session, actor.workspace_id, roles.keys())
        held = [(c.name, roles[c.id or 0]) for c in companies]
        held.sort(key=lambda pair: (ROLES.index(pair[1]), pair[0].casefold()))
        return WhoAmIView(actor.name, actor.account_type, actor.is_operator, held)
