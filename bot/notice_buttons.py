"""A notice's "Update card" button carries the company id; clicking it runs the same
`/billing pay` line the clicker could type, so roles are checked the same way."""

from billing.refs import record_id
from commands.actor import Actor
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


def pay_request(value: str, uow: UnitOfWork, actor: Actor) -> str:
    name, company_id = None, record_id(value)
    if company_id is not None:
        with uow:
            company = uow.session.get(Company, company_id)
            if company is not None and company.workspace_id == actor.workspace_id:
                name = company.name
    return 'pay "' + (name or "?").replace('"', "") + '"'
