"""A notice's "Update card" button carries the company id; clicking it runs the same
`/billing pay` line the clicker could type, so roles are checked the same way."""

from commands.actor import Actor
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


def pay_request(value: str, uow: UnitOfWork, actor: Actor) -> str:
    name = None
    if value.isdigit():
        with uow:
            company = uow.session.get(Company, int(value))
            if company is not None and company.workspace_id == actor.workspace_id:
                name = company.name
    return 'pay "' + (name or "?").replace('"', "") + '"'
