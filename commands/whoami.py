"""Who am I here: account type, operator or not, and my companies with roles."""

from billing.roles import ROLES
from commands.actor import Actor
from commands.views import WhoAmIView
from storage.roles import companies_in, companies_of
from storage.unit_of_work import UnitOfWork


def who_am_i(uow: UnitOfWork, *, actor: Actor) -> WhoAmIView:
    with uow:
        roles = companies_of(uow.session, actor.person_id)
        companies = companies_in(uow.session, actor.workspace_id, roles.keys())
        held = [(c.name, roles[c.id or 0]) for c in companies]
        held.sort(key=lambda pair: (ROLES.index(pair[1]), pair[0].casefold()))
        return WhoAmIView(actor.name, actor.account_type, actor.is_operator, held)
