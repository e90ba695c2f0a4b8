"""A notice's buttons carry ids (company id, month); clicking one runs the same `/billing` line
the clicker could type, so roles are checked the same way."""

from commands.actor import Actor
from commands.notice_texts import PAY, VIEW_STATEMENT
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


def notice_request(action_id: str, value: str, uow: UnitOfWork, actor: Actor) -> str:
    company_id, _, period = value.partition(":")
    name = None
    if company_id.isdigit():
        with uow:
            company = uow.session.get(Company, int(company_id))
            if company is not None and company.workspace_id == actor.workspace_id:
                name = company.name
    quoted = '"' + (name or "?").replace('"', "") + '"'
    if action_id == VIEW_STATEMENT:
        return f"statement {quoted} {period}".strip()
    if action_id == PAY:
        return f"pay {quoted}"
    return "help"
