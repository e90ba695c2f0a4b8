"""Where the company's statements are e-mailed (its invoice e-mail)."""

from commands.actor import Actor
from commands.questions.answers import InvoiceEmail
from commands.questions.read_access import read_access
from storage.unit_of_work import UnitOfWork


def invoice_email(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None
) -> InvoiceEmail:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        row = seen.company
        return InvoiceEmail(row.name, row.invoice_email, row.billing_mode)
