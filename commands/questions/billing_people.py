"""Who has billing access to the company: the roles that may pay and change its card."""

from billing.roles import Action, allowed
from commands.actor import Actor
from commands.list_access import access_view
from commands.questions.answers import BillingPeople
from commands.questions.read_access import read_access
from storage.unit_of_work import UnitOfWork


def billing_people(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None
) -> BillingPeople:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        view = access_view(uow.session, seen.id, seen.company.name)
        people = [
            (name, role) for name, role, _ in view.people if allowed(role, Action.UPDATE_PAYMENT)
        ]
        return BillingPeople(seen.company.name, people)
